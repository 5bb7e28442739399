package dev.migrations.test;

import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * "Downgrade leaves no trace": revision sets whose downgrade forgets one thing, on PostgreSQL and H2, each failing
 * the stairway with what it left, value for value.
 */
class DowngradeTraceTests {

	private static final Named<FreshDatabases> POSTGRES = Named.of("PostgreSQL", TestDatabases.postgres());

	private static final Named<FreshDatabases> H2 = Named.of("H2", TestDatabases.h2());

	static Stream<Arguments> forgottenThings() {
		return Stream.of(
				Arguments.of(POSTGRES, "forgets_index", "left index users_status_idx on users(status)"),
				Arguments.of(H2, "forgets_index", "left index USERS_STATUS_IDX on USERS(STATUS)"),
				Arguments.of(POSTGRES, "forgets_column", "left column users.avatar_url"),
				Arguments.of(H2, "forgets_column", "left column USERS.AVATAR_URL"),
				Arguments.of(POSTGRES, "forgets_constraint", "left unique constraint users_email_unique on users(email)"),
				Arguments.of(H2, "forgets_constraint", "left unique constraint USERS_EMAIL_UNIQUE on USERS(EMAIL)"),
				Arguments.of(POSTGRES, "forgets_sequence",
						"left sequence invoice_numbers (bigint, start 1, increment 1, min 1, max 9223372036854775807)"),
				Arguments.of(H2, "forgets_sequence",
						"left sequence INVOICE_NUMBERS (bigint, start 1, increment 1, min 1, max 9223372036854775807)"),
				Arguments.of(POSTGRES, "forgets_type",
						"left column users.email: character varying(250) after downgrade, character varying(200) before"),
				Arguments.of(H2, "forgets_type",
						"left column USERS.EMAIL: character varying(250) after downgrade, character varying(200) before"),
				Arguments.of(POSTGRES, "forgets_default",
						"left column users.status: no default after downgrade, default 'new'::character varying before"),
				Arguments.of(H2, "forgets_default", "left column USERS.STATUS: no default after downgrade, default 'new' before"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("forgottenThings")
	void aDowngradeThatForgetsSomethingFailsTheStairwayNamingIt(FreshDatabases databases, String set, String left) {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationsTester.of(databases, "classpath:sets/" + set).checkStairway())
			.withMessage("downgrade of 2b0000000002 (sets/" + set + "/2_change.sql) " + left);
	}

	@Test
	void whatADowngradeLeftOutsideTheCatalogShowsWhenTheUpgradeRunsAgain() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationsTester.of(TestDatabases.postgres(), "classpath:sets/forgets_view").checkStairway())
			.withMessage("re-upgrade of 2b0000000002 (sets/forgets_view/2_bio.sql) (after its downgrade) left column "
					+ "users.bio: character varying(200) after re-upgrade, character varying(100) after the first upgrade");
	}

}
