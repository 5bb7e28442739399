package dev.migrations.execute;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedUrlTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"jdbc:h2:file:./db;USER=sa;PASSWORD=topsecret | jdbc:h2:file:./db;USER=sa;PASSWORD=****",
			"jdbc:h2:mem:x;password=topsecret;MODE=PostgreSQL | jdbc:h2:mem:x;password=****;MODE=PostgreSQL",
			"jdbc:postgresql://h/app?user=u&password=topsecret&ssl=true | jdbc:postgresql://h/app?user=u&password=****&ssl=true",
			"jdbc:mariadb://h/app?PWD=topsecret | jdbc:mariadb://h/app?PWD=****",
			"postgresql://app:topsecret@localhost:5432/app | postgresql://app:****@localhost:5432/app",
			"postgresql://app:top@secret@localhost/app | postgresql://app:****@localhost/app",
			"Cannot connect to jdbc:h2:tcp://h/x;PASSWORD=topsecret now | Cannot connect to jdbc:h2:tcp://h/x;PASSWORD=**** now",
			"jdbc:postgresql://app@h:5432/app | jdbc:postgresql://app@h:5432/app",
			"jdbc:h2:mem:test | jdbc:h2:mem:test" })
	void passwordsAreMaskedWhateverTheDatabase(String url, String shown) {
		assertThat(MaskedUrl.of(url)).isEqualTo(shown);
	}

}
