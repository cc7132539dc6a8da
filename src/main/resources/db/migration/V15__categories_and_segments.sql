-- The product-category taxonomy (two levels, shared later by registration and matchmaking), the
-- organizations' categories, saved segments, and the indexes segment queries lean on.

CREATE TABLE product_category (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    parent_id  BIGINT       NULL,
    code       VARCHAR(32)  NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    name_zh    VARCHAR(200) NOT NULL,
    sort_order INT          NOT NULL DEFAULT 0,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at DATETIME(6)  NOT NULL,
    updated_at DATETIME(6)  NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_product_category_code UNIQUE (code),
    CONSTRAINT fk_product_category_parent FOREIGN KEY (parent_id) REFERENCES product_category (id),
    INDEX ix_product_category_parent (parent_id, sort_order)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE organization_category (
    organization_id BIGINT NOT NULL,
    category_id     BIGINT NOT NULL,
    PRIMARY KEY (organization_id, category_id),
    CONSTRAINT fk_organization_category_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT fk_organization_category_category FOREIGN KEY (category_id) REFERENCES product_category (id),
    INDEX ix_organization_category_category (category_id, organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE segment (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(1000) NULL,
    kind        VARCHAR(16)   NOT NULL,
    filter      TEXT          NOT NULL,
    owner_id    BIGINT        NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_segment_owner FOREIGN KEY (owner_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "did (not) take part in edition E as R" is an EXISTS probe on the first two; the third lets a
-- positive clause drive the query from the edition's participants
CREATE INDEX ix_participation_org_edition ON participation (organization_id, exhibition_id, role);
CREATE INDEX ix_participation_person_edition ON participation (person_id, exhibition_id, role);
CREATE INDEX ix_participation_edition_role ON participation (exhibition_id, role, organization_id, person_id);
CREATE INDEX ix_organization_segment_country ON organization (country, merged_into);

INSERT INTO product_category (parent_id, code, name_en, name_zh, sort_order, active, created_at, updated_at) VALUES
    (NULL, 'ELEC', 'Electronics and electrical', '电子电气', 10, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'MACH', 'Machinery and industrial equipment', '机械与工业设备', 20, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'AUTO', 'Automotive and transport', '汽车与交通', 30, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'TEXT', 'Textiles and apparel', '纺织服装', 40, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'HOME', 'Home and furniture', '家居家具', 50, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'FOOD', 'Food and beverage', '食品饮料', 60, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'HLTH', 'Health and medical', '医疗健康', 70, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'BUILD', 'Building and construction', '建筑建材', 80, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'CHEM', 'Chemicals and materials', '化工与材料', 90, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'ENER', 'Energy and environment', '能源环保', 100, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'IT', 'Information technology', '信息技术', 110, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)),
    (NULL, 'GIFT', 'Gifts and consumer goods', '礼品与消费品', 120, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));

INSERT INTO product_category (parent_id, code, name_en, name_zh, sort_order, active, created_at, updated_at)
SELECT p.id, c.code, c.name_en, c.name_zh, c.sort_order, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
FROM (
    SELECT 'ELEC' AS parent, 'ELEC-CONS' AS code, 'Consumer electronics' AS name_en, '消费电子' AS name_zh, 10 AS sort_order
    UNION ALL SELECT 'ELEC', 'ELEC-COMP', 'Electronic components', '电子元器件', 20
    UNION ALL SELECT 'ELEC', 'ELEC-LIGHT', 'Lighting', '照明', 30
    UNION ALL SELECT 'MACH', 'MACH-TOOL', 'Machine tools', '机床', 10
    UNION ALL SELECT 'MACH', 'MACH-AUTO', 'Automation and robotics', '自动化与机器人', 20
    UNION ALL SELECT 'MACH', 'MACH-PACK', 'Packaging machinery', '包装机械', 30
    UNION ALL SELECT 'AUTO', 'AUTO-PARTS', 'Auto parts', '汽车零部件', 10
    UNION ALL SELECT 'AUTO', 'AUTO-NEV', 'New-energy vehicles', '新能源汽车', 20
    UNION ALL SELECT 'AUTO', 'AUTO-LOG', 'Logistics', '物流', 30
    UNION ALL SELECT 'TEXT', 'TEXT-FAB', 'Fabrics and yarns', '面料纱线', 10
    UNION ALL SELECT 'TEXT', 'TEXT-APP', 'Apparel', '服装', 20
    UNION ALL SELECT 'TEXT', 'TEXT-SHOE', 'Footwear and bags', '鞋类箱包', 30
    UNION ALL SELECT 'HOME', 'HOME-FURN', 'Furniture', '家具', 10
    UNION ALL SELECT 'HOME', 'HOME-DECO', 'Home decor', '家居装饰', 20
    UNION ALL SELECT 'HOME', 'HOME-KITCH', 'Kitchenware', '厨具', 30
    UNION ALL SELECT 'FOOD', 'FOOD-PROC', 'Processed food', '加工食品', 10
    UNION ALL SELECT 'FOOD', 'FOOD-BEV', 'Beverages', '饮料', 20
    UNION ALL SELECT 'FOOD', 'FOOD-AGRI', 'Agricultural products', '农产品', 30
    UNION ALL SELECT 'HLTH', 'HLTH-DEV', 'Medical devices', '医疗器械', 10
    UNION ALL SELECT 'HLTH', 'HLTH-PHAR', 'Pharmaceuticals', '医药', 20
    UNION ALL SELECT 'HLTH', 'HLTH-WELL', 'Wellness and care', '保健护理', 30
    UNION ALL SELECT 'BUILD', 'BUILD-MAT', 'Building materials', '建筑材料', 10
    UNION ALL SELECT 'BUILD', 'BUILD-HVAC', 'Heating, ventilation and air conditioning', '暖通空调', 20
    UNION ALL SELECT 'BUILD', 'BUILD-HARD', 'Hardware and tools', '五金工具', 30
    UNION ALL SELECT 'CHEM', 'CHEM-PLAS', 'Plastics and rubber', '塑料橡胶', 10
    UNION ALL SELECT 'CHEM', 'CHEM-MET', 'Metals', '金属材料', 20
    UNION ALL SELECT 'CHEM', 'CHEM-NEW', 'New materials', '新材料', 30
    UNION ALL SELECT 'ENER', 'ENER-SOL', 'Solar and wind power', '光伏与风能', 10
    UNION ALL SELECT 'ENER', 'ENER-STOR', 'Energy storage', '储能', 20
    UNION ALL SELECT 'ENER', 'ENER-ENV', 'Environmental protection', '环保', 30
    UNION ALL SELECT 'IT', 'IT-SOFT', 'Software and cloud', '软件与云服务', 10
    UNION ALL SELECT 'IT', 'IT-NET', 'Networks and communication', '网络通信', 20
    UNION ALL SELECT 'IT', 'IT-AI', 'Artificial intelligence and data', '人工智能与数据', 30
    UNION ALL SELECT 'GIFT', 'GIFT-TOY', 'Toys', '玩具', 10
    UNION ALL SELECT 'GIFT', 'GIFT-SPORT', 'Sports and outdoor', '运动户外', 20
    UNION ALL SELECT 'GIFT', 'GIFT-BEAUTY', 'Cosmetics and personal care', '美妆个护', 30
) c JOIN product_category p ON p.code = c.parent;
