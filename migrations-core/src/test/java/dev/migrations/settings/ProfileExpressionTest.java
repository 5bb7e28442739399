package dev.migrations.settings;

import java.util.List;

import dev.migrations.error.MigrationsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProfileExpressionTest {

	private static final List<String> ACTIVE = List.of("dev", "eu");

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = ';', value = { "dev; true", "prod; false", "!prod; true", "!dev; false", "prod, dev; true",
			"prod, test; false", "dev & eu; true", "dev & us; false", "prod | eu; true", "prod | us; false",
			"(dev | prod) & !us; true", "!(dev & eu); false", " dev ; true" })
	void matches(String expression, boolean expected) {
		assertThat(ProfileExpression.matches(expression, ACTIVE, "x")).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "dev & eu | us; & and | mixed without parentheses",
			"(dev | eu; missing ')'", "dev &; a profile name is missing", "!; a profile name is missing",
			"dev eu; unexpected 'e'", "dev); unexpected ')'" })
	void malformedExpressionSaysWhatIsWrong(String expression, String problem) {
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> ProfileExpression.matches(expression, ACTIVE, "spring.config.activate.on-profile in f.yml"))
			.withMessage("Invalid profile expression '" + expression + "' in spring.config.activate.on-profile in f.yml: "
					+ problem);
	}

}
