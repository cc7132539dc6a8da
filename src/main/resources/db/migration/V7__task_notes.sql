-- What people say about a task, and the documents it refers to (links: files live elsewhere).
CREATE TABLE task_comment (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    task_id     BIGINT        NOT NULL,
    author_id   BIGINT        NULL,
    author_name VARCHAR(64)   NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_task_comment_task FOREIGN KEY (task_id) REFERENCES task (id) ON DELETE CASCADE,
    INDEX ix_task_comment_task (task_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE task_link (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    task_id    BIGINT        NOT NULL,
    url        VARCHAR(2000) NOT NULL,
    label      VARCHAR(200)  NULL,
    created_at DATETIME(6)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_task_link_task FOREIGN KEY (task_id) REFERENCES task (id) ON DELETE CASCADE,
    INDEX ix_task_link_task (task_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
