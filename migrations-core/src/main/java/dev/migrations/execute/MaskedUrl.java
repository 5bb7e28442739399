package dev.migrations.execute;

import java.util.regex.Pattern;

/**
 * A database URL (or a message that holds one) as it may be shown: every password it carries replaced by
 * {@code ****}, whatever the database. The one function that every printed or logged URL goes through, so a password
 * reaches no terminal or log: the {@code user:pass@} form, {@code ?password=} and {@code &password=} query parameters
 * (PostgreSQL, MariaDB) and {@code ;PASSWORD=} settings (H2, SQL Server), other secret-bearing keys included.
 */
public final class MaskedUrl {

	static final String MASK = "****";

	/** {@code scheme://user:pass@}: the password between the user's colon and the authority's last {@code @}. */
	private static final Pattern USER_INFO = Pattern.compile("(?<=://)([^/?#;@:\\s]*):[^/?#;\\s]*@");

	/** {@code password=...} after {@code ?}, {@code &} or {@code ;}, up to the next separator. */
	private static final Pattern SECRET_SETTING = Pattern.compile(
			"(?i)([?&;](?:password|pwd|passwd|sslpassword|sslkeypassword|secret|token|accesstoken|access_token)=)[^&;\\s]*");

	private MaskedUrl() {
	}

	/** The text with the passwords of the URLs in it masked; {@code null} stays {@code null}. */
	public static String of(String text) {
		if (text == null) {
			return null;
		}
		String masked = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
		return SECRET_SETTING.matcher(masked).replaceAll("$1" + MASK);
	}

}
