/**
 * The database beneath the feature packages: the embedded MariaDB, migrations' checks, batched and multi-row
 * inserts, and how UTC date-times are written and read ({@link org.expodesk.platform.db.UtcTimestampAsText},
 * registered here for every {@code Instant} attribute).
 */
@JdbcTypeRegistration(value = UtcTimestampAsText.class, registrationCode = SqlTypes.TIMESTAMP_UTC)
package org.expodesk.platform.db;

import org.hibernate.annotations.JdbcTypeRegistration;
import org.hibernate.type.SqlTypes;
