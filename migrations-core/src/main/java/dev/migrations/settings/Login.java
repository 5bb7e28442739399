package dev.migrations.settings;

/**
 * A user and password to log in with, each {@code null} when not given.
 *
 * @param user the user, or {@code null}
 * @param password the password, or {@code null}
 */
public record Login(String user, String password) {

	/** Neither user nor password. */
	public static final Login NONE = new Login(null, null);

	/** This login, each part not given taken from {@code other}. */
	public Login or(Login other) {
		return new Login((this.user != null) ? this.user : other.user,
				(this.password != null) ? this.password : other.password);
	}

	@Override
	public String toString() {
		return "Login[user=" + this.user + "]";
	}

}
