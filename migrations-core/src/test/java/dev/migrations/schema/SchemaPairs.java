package dev.migrations.schema;

import java.util.ArrayList;
import java.util.List;

/** The round trip's table: one pair of schemas per kind of change the diff detects. */
final class SchemaPairs {

	private static final String USERS = "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL)";

	private static final String USERS_WITH_BIO = "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL, bio varchar(200))";

	private static final String ORDERS = """
			CREATE TABLE orders (id integer PRIMARY KEY, user_id integer NOT NULL,
			  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE)""";

	private SchemaPairs() {
	}

	static List<SchemaPair> all() {
		List<SchemaPair> pairs = new ArrayList<>();
		SchemaPair addTable = SchemaPair.of("table added", USERS,
				USERS + ";\nCREATE TABLE tags (id integer PRIMARY KEY, label varchar(50) NOT NULL)",
				"Detected added table 'tags'");
		pairs.add(addTable);
		pairs.add(addTable.reversed("table dropped", "Detected removed table 'tags'"));
		SchemaPair addColumn = SchemaPair.of("column added", USERS, USERS_WITH_BIO, "Detected added column 'users.bio'");
		pairs.add(addColumn);
		pairs.add(addColumn.reversed("column dropped", "Detected removed column 'users.bio'"));
		SchemaPair widen = SchemaPair.of("varchar length widened", USERS_WITH_BIO, USERS_WITH_BIO.replace("varchar(200)", "varchar(300)"),
				"Detected type change from");
		pairs.add(widen);
		pairs.add(widen.reversed("varchar length narrowed", "Detected type change from"));
		pairs.add(SchemaPair.of("numeric precision and scale",
				"CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(10,2))",
				"CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(12,4))", "Detected type change from"));
		pairs.add(SchemaPair.of("integer to bigint", "CREATE TABLE counters (id integer PRIMARY KEY, hits integer)",
				"CREATE TABLE counters (id integer PRIMARY KEY, hits bigint)", "Detected type change from"));
		SchemaPair notNull = SchemaPair.of("column made NOT NULL", USERS_WITH_BIO,
				USERS_WITH_BIO.replace("bio varchar(200)", "bio varchar(200) NOT NULL"),
				"Detected NOT NULL on column 'users.bio'");
		pairs.add(notNull);
		pairs.add(notNull.reversed("column made nullable", "Detected NULL on column 'users.bio'"));
		SchemaPair addDefault = SchemaPair.of("default added", USERS_WITH_BIO,
				USERS_WITH_BIO.replace("bio varchar(200)", "bio varchar(200) DEFAULT 'none'"),
				"Detected server default on column 'users.bio'");
		pairs.add(addDefault);
		pairs.add(addDefault.reversed("default removed", "Detected removed server default on column 'users.bio'"));
		pairs.add(SchemaPair.of("default changed", "CREATE TABLE jobs (id integer PRIMARY KEY, tries integer DEFAULT 1)",
				"CREATE TABLE jobs (id integer PRIMARY KEY, tries integer DEFAULT 3)",
				"Detected server default on column 'jobs.tries'"));
		pairs.add(SchemaPair.of("type, nullability and default of one column",
				"CREATE TABLE jobs (id integer PRIMARY KEY, state varchar(10))",
				"CREATE TABLE jobs (id integer PRIMARY KEY, state varchar(20) DEFAULT 'new' NOT NULL)",
				"Detected NOT NULL on column 'jobs.state'"));
		String usersWithEmail = "CREATE TABLE users (id integer PRIMARY KEY, email varchar(200) NOT NULL)";
		SchemaPair unique = SchemaPair.of("unique constraint added", usersWithEmail,
				usersWithEmail + ";\nALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email)",
				"Detected added unique");
		pairs.add(unique);
		pairs.add(unique.reversed("unique constraint dropped", "Detected removed unique"));
		pairs.add(SchemaPair.of("check of a list of strings added (as Hibernate writes an enum's)", usersWithEmail,
				usersWithEmail + ";\nALTER TABLE users ADD CONSTRAINT ck_users_email CHECK (email IN ('a', 'b'))",
				"Detected added check"));
		SchemaPair index = SchemaPair.of("index added", usersWithEmail,
				usersWithEmail + ";\nCREATE INDEX users_email_idx ON users (email)",
				"Detected added index 'users_email_idx' on 'users(email)'");
		pairs.add(index);
		pairs.add(index.reversed("index dropped", "Detected removed index 'users_email_idx' on 'users(email)'"));
		pairs.add(SchemaPair.of("multi-column descending index added", USERS,
				USERS + ";\nCREATE INDEX users_name_id_idx ON users (name DESC, id)", "Detected added index 'users_name_id_idx'"));
		pairs.add(SchemaPair.of("unique index added", usersWithEmail,
				usersWithEmail + ";\nCREATE UNIQUE INDEX users_email_key_idx ON users (email)",
				"Detected added unique index 'users_email_key_idx'"));
		SchemaPair foreignKey = SchemaPair.of("foreign key added",
				USERS + ";\nCREATE TABLE orders (id integer PRIMARY KEY, user_id integer NOT NULL)", USERS + ";\n" + ORDERS,
				"Detected added foreign key 'fk_orders_user' on 'orders(user_id)' to 'users(id)'");
		pairs.add(foreignKey);
		pairs.add(foreignKey.reversed("foreign key dropped", "Detected removed foreign key 'fk_orders_user'"));
		pairs.add(SchemaPair.of("foreign key on delete changed", USERS + ";\n" + ORDERS,
				USERS + ";\n" + ORDERS.replace("user_id integer NOT NULL", "user_id integer").replace("CASCADE", "SET NULL"),
				"Detected removed foreign key 'fk_orders_user'"));
		SchemaPair linked = SchemaPair.of("two tables linked by a foreign key added", USERS,
				USERS + ";\nCREATE TABLE orgs (id integer PRIMARY KEY, name varchar(50));\n"
						+ "CREATE TABLE members (id integer PRIMARY KEY, org_id integer,"
						+ " CONSTRAINT fk_members_org FOREIGN KEY (org_id) REFERENCES orgs (id));\n"
						+ "ALTER TABLE orgs ADD COLUMN owner_id integer;\n"
						+ "ALTER TABLE orgs ADD CONSTRAINT fk_orgs_owner FOREIGN KEY (owner_id) REFERENCES members (id)",
				"Detected added table 'members'");
		pairs.add(linked);
		pairs.add(linked.reversed("two tables linked both ways dropped", "Detected removed table 'orgs'"));
		SchemaPair check = SchemaPair.of("check constraint added",
				"CREATE TABLE people (id integer PRIMARY KEY, age integer)",
				"CREATE TABLE people (id integer PRIMARY KEY, age integer, CONSTRAINT ck_people_age CHECK (age >= 0))",
				"Detected added check constraint 'ck_people_age'");
		pairs.add(check);
		pairs.add(check.reversed("check constraint dropped", "Detected removed check constraint 'ck_people_age'"));
		SchemaPair sequence = SchemaPair.of("sequence added", USERS,
				USERS + ";\nCREATE SEQUENCE order_numbers START WITH 100 INCREMENT BY 5",
				"Detected added sequence 'order_numbers'");
		pairs.add(sequence);
		pairs.add(sequence.reversed("sequence dropped", "Detected removed sequence 'order_numbers'"));
		pairs.add(SchemaPair.of("sequence increment changed", "CREATE SEQUENCE order_numbers START WITH 100 INCREMENT BY 5",
				"CREATE SEQUENCE order_numbers START WITH 100 INCREMENT BY 10", "Detected added sequence 'order_numbers'"));
		SchemaPair primaryKey = SchemaPair.of("primary key added",
				"CREATE TABLE codes (code varchar(10) NOT NULL, label varchar(50))",
				"CREATE TABLE codes (code varchar(10) NOT NULL PRIMARY KEY, label varchar(50))", "Detected added primary key");
		pairs.add(primaryKey);
		pairs.add(primaryKey.reversed("primary key dropped", "Detected removed primary key"));
		pairs.add(SchemaPair.of("primary key made composite",
				"CREATE TABLE grants (user_id integer NOT NULL, role varchar(20) NOT NULL, PRIMARY KEY (user_id))",
				"CREATE TABLE grants (user_id integer NOT NULL, role varchar(20) NOT NULL, PRIMARY KEY (user_id, role))",
				"Detected added primary key"));
		pairs.add(SchemaPair.of("table of many types added", USERS, USERS + """
				;
				CREATE TABLE events (id bigint PRIMARY KEY, happened timestamp NOT NULL, active boolean DEFAULT true,
				  payload text, ref uuid, ratio double precision, starts_on date, code char(3))""", "Detected added table 'events'"));
		pairs.add(SchemaPair.of("column replaced by one of the same type", USERS_WITH_BIO,
				USERS_WITH_BIO.replace("bio varchar(200)", "about varchar(200)"), "Detected removed column 'users.bio'"));
		pairs.add(SchemaPair.of("identity column added", USERS,
				USERS + ";\nCREATE TABLE notes (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, body text)",
				"Detected added table 'notes'").only("postgresql", "h2"));
		pairs.add(SchemaPair.of("auto-increment column added", USERS,
				USERS + ";\nCREATE TABLE notes (id bigint AUTO_INCREMENT PRIMARY KEY, body text)",
				"Detected added table 'notes'").only("mariadb"));
		SchemaPair identity = SchemaPair.of("identity given to a column", "CREATE TABLE notes (id bigint NOT NULL PRIMARY KEY, body text)",
				"CREATE TABLE notes (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, body text)",
				"Detected identity change from no identity to identity by default on column 'notes.id'")
			.only("postgresql", "h2");
		pairs.add(identity);
		pairs.add(identity.reversed("identity taken from a column",
				"Detected identity change from identity by default to no identity on column 'notes.id'"));
		pairs.add(SchemaPair.of("auto-increment given to a column", "CREATE TABLE notes (id bigint NOT NULL PRIMARY KEY, body text)",
				"CREATE TABLE notes (id bigint AUTO_INCREMENT PRIMARY KEY, body text)",
				"Detected identity change from no identity to identity by default on column 'notes.id'").only("mariadb"));
		pairs.add(SchemaPair.of("table whose default takes the next value of a new sequence", USERS, USERS + """
				;
				CREATE SEQUENCE invoice_numbers START WITH 1000;
				CREATE TABLE invoices (id integer PRIMARY KEY, num bigint DEFAULT nextval('invoice_numbers') NOT NULL)""",
				"Detected added sequence 'invoice_numbers'").only("postgresql"));
		pairs.add(SchemaPair.of("table whose default takes the next value of a new sequence", USERS, USERS + """
				;
				CREATE SEQUENCE invoice_numbers START WITH 1000;
				CREATE TABLE invoices (id integer PRIMARY KEY, num bigint DEFAULT NEXT VALUE FOR invoice_numbers NOT NULL)""",
				"Detected added sequence 'invoice_numbers'").only("h2", "mariadb"));
		String usersWithStatus = USERS + ";\nALTER TABLE users ADD COLUMN status enum('active','blocked') DEFAULT 'active' NOT NULL";
		pairs.add(SchemaPair.of("enum column added", USERS, usersWithStatus, "Detected added column 'users.status'")
			.only("h2", "mariadb"));
		pairs.add(SchemaPair.of("enum value added", usersWithStatus, usersWithStatus.replace("'blocked')", "'blocked','deleted')"),
				"Detected type change from enum('active','blocked') to enum('active','blocked','deleted')")
			.only("h2", "mariadb"));
		pairs.add(SchemaPair.of("multi-column unique index", "CREATE TABLE seats (id integer PRIMARY KEY, room integer, seat integer)",
				"CREATE TABLE seats (id integer PRIMARY KEY, room integer, seat integer, CONSTRAINT uq_seats UNIQUE (room, seat))",
				"Detected added unique"));
		pairs.add(SchemaPair.of("timestamp with time zone", "CREATE TABLE logs (id integer PRIMARY KEY, at timestamp)",
				"CREATE TABLE logs (id integer PRIMARY KEY, at timestamp with time zone)", "Detected type change from")
			.only("postgresql", "h2"));
		SchemaPair tableComment = SchemaPair.of("table comment added", USERS,
				USERS + ";\nCOMMENT ON TABLE users IS 'people who sign in'", "Detected table comment on 'users'")
			.only("postgresql", "h2");
		pairs.add(tableComment);
		pairs.add(tableComment.reversed("table comment removed", "Detected removed table comment on 'users'"));
		pairs.add(SchemaPair.of("column comment added", USERS, USERS + ";\nCOMMENT ON COLUMN users.name IS 'shown name'",
				"Detected column comment 'users.name'").only("postgresql", "h2"));
		pairs.add(SchemaPair.of("table and column comments added", USERS,
				"CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL COMMENT 'shown name') COMMENT = 'people'",
				"Detected table comment on 'users'").only("mariadb"));
		pairs.add(SchemaPair.of("computed column added", USERS,
				"CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL, double_id integer GENERATED ALWAYS AS (id * 2) STORED)",
				"Detected added column 'users.double_id'").only("postgresql", "mariadb"));
		pairs.add(SchemaPair.of("partial index added", usersWithEmail,
				usersWithEmail + ";\nCREATE INDEX users_active_email_idx ON users (email) WHERE id > 0",
				"Detected added index 'users_active_email_idx'").only("postgresql"));
		pairs.add(SchemaPair.of("expression index added", usersWithEmail,
				usersWithEmail + ";\nCREATE UNIQUE INDEX users_lower_email_idx ON users (lower(email))",
				"Detected added unique index 'users_lower_email_idx' on 'users(lower(email::text))'").only("postgresql"));
		pairs.add(SchemaPair.of("serial column added", USERS,
				USERS + ";\nCREATE TABLE tickets (id bigserial PRIMARY KEY, title text)", "Detected added table 'tickets'")
			.only("postgresql"));
		return pairs;
	}

}
