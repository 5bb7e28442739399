package dev.migrations.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * What the starter itself reads of an instance, {@code migrations.instances.<name>.*}: its DataSource bean, its place
 * in the run order, what it does on start-up and whether it creates its database ({@code enabled=false}, read before
 * the instances are bound, leaves it out). Its connection ({@code url}, {@code user}, {@code password}) and
 * engine options ({@code locations}, {@code schema}, {@code create-schemas}, {@code version-table},
 * {@code history-table}, {@code transaction-mode}, {@code lock-wait}, {@code statement-lock-timeout},
 * {@code statement-timeout}, {@code lock-retries}, {@code reconnect}, {@code validate-checksums}) are read by the
 * core's settings rule under the instance's prefix, as the command line's {@code --instance} reads them, so both
 * see the same set. {@link InstanceKeys} refuses every other key.
 */
public class MigrationsInstanceProperties {

	/** Name of the DataSource bean the instance runs on; else its 'url', else the application's DataSource. */
	private @Nullable String dataSource;

	/**
	 * Whether to create the database the instance's URL names (its 'url', else the application's) when it does not
	 * exist, before its start-up upgrade; the default set's 'migrations.create-database' does not apply.
	 */
	private boolean createDatabase;

	/** Place in the run order: lower first, the default set after every instance; ties run by name. */
	private int order;

	/** What to do with the instance's database on start-up. */
	private MigrationsProperties.OnStartup onStartup = MigrationsProperties.OnStartup.UPGRADE;

	/** Revision to upgrade to or validate against: 'head', 'heads' for every branch, an id or 'label@head'. */
	private String target = "head";

	/** Whether to lint the pending revisions before upgrading, and whether an error-level finding stops start-up. */
	private MigrationsProperties.Lint lint = MigrationsProperties.Lint.WARN;

	public @Nullable String getDataSource() {
		return this.dataSource;
	}

	public void setDataSource(@Nullable String dataSource) {
		this.dataSource = dataSource;
	}

	public boolean isCreateDatabase() {
		return this.createDatabase;
	}

	public void setCreateDatabase(boolean createDatabase) {
		this.createDatabase = createDatabase;
	}

	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

	public MigrationsProperties.OnStartup getOnStartup() {
		return this.onStartup;
	}

	public void setOnStartup(MigrationsProperties.OnStartup onStartup) {
		this.onStartup = onStartup;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public MigrationsProperties.Lint getLint() {
		return this.lint;
	}

	public void setLint(MigrationsProperties.Lint lint) {
		this.lint = lint;
	}

}
