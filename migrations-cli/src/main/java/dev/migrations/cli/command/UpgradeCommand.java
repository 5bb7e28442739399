package dev.migrations.cli.command;

import dev.migrations.cli.CommandContext;
import dev.migrations.cli.DatabaseUse;
import dev.migrations.dialect.DatabaseCreator;
import dev.migrations.error.ErrorKind;
import dev.migrations.error.MigrationsException;
import dev.migrations.settings.MigrationsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code upgrade [TARGET] [--sql]}: runs the revisions up to the target, printing each step as Alembic does. */
@Command(name = "upgrade", description = "Upgrade the database to a later revision.",
		footerHeading = "%nExamples:%n", footer = { "  migrations upgrade head", "  migrations upgrade --create-database",
				"  migrations upgrade 1c0d8e7f6a5b:3f2a9c1b7d4e --sql > upgrade.sql" })
public final class UpgradeCommand implements Runnable {

	private final CommandContext context;

	@Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET",
			description = "Revision to upgrade to: head (default), heads, an id or prefix, +N, <label>@head...; "
					+ "FROM:TO with --sql")
	private String target;

	@Option(names = "--sql", description = "Print the SQL instead of running it; a FROM:TO range needs no database")
	private boolean sql;

	@Option(names = "--create-database", description = "Create the database the URL names if it is missing, then "
			+ "upgrade (default: the project's migrations.create-database, or the instance's, else fail on a missing "
			+ "database)")
	private boolean createDatabase;

	@Option(names = "--tenant", paramLabel = "ID", description = "Upgrade this tenant, as the project's "
			+ "migrations.tenants.* configure tenants (a schema, or a database), instead of the database")
	private String tenant;

	@Option(names = "--all-tenants", description = "Upgrade every tenant of migrations.tenants.ids or "
			+ "migrations.tenants.query: one line per tenant and a summary; exit status 1 if any failed")
	private boolean allTenants;

	@Option(names = "--tenants-parallelism", paramLabel = "N",
			description = "How many tenants to upgrade at once (default: migrations.tenants.parallelism, else 4)")
	private Integer tenantsParallelism;

	@Option(names = "--tenants-on-failure", paramLabel = "POLICY", description = "fail-fast (start no other tenant) "
			+ "or continue (default: migrations.tenants.on-failure, else fail-fast)")
	private String tenantsOnFailure;

	public UpgradeCommand(CommandContext context) {
		this.context = context;
	}

	@Override
	public void run() {
		if (this.tenant != null || this.allTenants) {
			if (this.sql || (this.tenant != null && this.allTenants)) {
				throw new MigrationsException(ErrorKind.CONFIG,
						"--tenant and --all-tenants go alone: not with each other, nor with --sql",
						"Give either --tenant <id> or --all-tenants, and run without --sql");
			}
			new TenantUpgrade(this.context).run(this.target, this.tenant, this.allTenants, this.tenantsParallelism,
					this.tenantsOnFailure);
			return;
		}
		if (this.sql) {
			this.context.renderer().sql(this.context.migrations(DatabaseUse.NONE).upgradeSql(this.target));
			return;
		}
		if (this.createDatabase || this.context.projectFlag("create-database")) {
			MigrationsSettings settings = this.context.settings();
			DatabaseCreator.createIfMissing(settings.requireDatabase().jdbcUrl(), settings.user(), settings.password())
				.filter((created) -> !this.context.output().json())
				.ifPresent((created) -> this.context.output().line("Created database " + created));
		}
		this.context.change((migrations) -> migrations.upgrade(this.target));
	}

}
