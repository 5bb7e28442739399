package dev.migrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DynamicNode;

import dev.migrations.config.MigrationsConfig;
import dev.migrations.jpa.EntityClasses;

/**
 * The guides' "test your migrations" as JUnit Jupiter checks, on empty databases of their own:
 * <ul>
 * <li>{@link #checkHeads()}: one head, or exactly the {@linkplain #expectHeads declared} heads;
 * <li>{@link #checkUpgrade()}: from an empty database to every head, revision by revision, with the data
 * {@linkplain #seedAt seeded} and {@linkplain #assertAt checked} at revisions;
 * <li>{@link #checkStairway()}: each revision upgraded, downgraded and upgraded again;
 * <li>{@link #checkLint()}: no revision has a statement that {@code migrations lint} counts as an error;
 * <li>{@link #checkAppliedScripts(DataSource)}: the scripts a given database applied are unchanged;
 * <li>{@link #checkModelMatchesHead()}: the {@linkplain #withEntities JPA entities} map to the schema at head.
 * </ul>
 * Each is callable alone and fails with an {@link AssertionError} that names the revision, its file, the step and
 * what went wrong; {@link #checks()} returns them all as dynamic tests named after the revisions:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> migrations() {
 *     return MigrationsTester.of(TestDatabases.postgres(), "classpath:db/migrations").checks();
 * }
 * }</pre>
 *
 * Immutable: each setting returns a new tester.
 */
public final class MigrationsTester {

	private final MigrationsConfig config;

	private final FreshDatabases databases;

	private final List<String> expectedHeads;

	private final List<DataAtRevision> data;

	private final boolean failOnIrreversible;

	private final DataSource appliedDatabase;

	private final boolean lint;

	private final EntityModel model;

	private MigrationsTester(MigrationsConfig config, FreshDatabases databases, List<String> expectedHeads,
			List<DataAtRevision> data, boolean failOnIrreversible, DataSource appliedDatabase, boolean lint,
			EntityModel model) {
		this.config = config.toBuilder().validateChecksums(true).build();
		this.databases = databases;
		this.expectedHeads = List.copyOf(expectedHeads);
		this.data = List.copyOf(data);
		this.failOnIrreversible = failOnIrreversible;
		this.appliedDatabase = appliedDatabase;
		this.lint = lint;
		this.model = model;
	}

	/**
	 * Checks on a database you have: each check works in a schema of its own there (PostgreSQL or H2), dropped
	 * afterwards.
	 * @param dataSource the database; its user must be allowed to create schemas
	 * @param locations script locations, {@code classpath:} or {@code filesystem:}
	 */
	public static MigrationsTester of(DataSource dataSource, String... locations) {
		return of(TestDatabases.schemasIn(dataSource), locations);
	}

	/**
	 * Checks on databases of their own, such as {@link TestDatabases#postgres()}.
	 * @param locations script locations, {@code classpath:} or {@code filesystem:}
	 */
	public static MigrationsTester of(FreshDatabases databases, String... locations) {
		return of(databases, MigrationsConfig.builder().locations(locations).build());
	}

	/** Checks of the engine's configuration (locations, tables) on databases of their own. */
	public static MigrationsTester of(FreshDatabases databases, MigrationsConfig config) {
		return new MigrationsTester(config, databases, List.of(), List.of(), false, null, false, null);
	}

	/** The heads the team means to keep apart (ids or unique prefixes), instead of a single head. */
	public MigrationsTester expectHeads(String... heads) {
		return new MigrationsTester(this.config, this.databases, List.of(heads), this.data, this.failOnIrreversible,
				this.appliedDatabase, this.lint, this.model);
	}

	/**
	 * Rows to seed right after the revision's upgrade, before the next revision runs (in {@link #checkUpgrade()}).
	 * @param revision an id or unique prefix
	 * @param sql statements, split as revision scripts are
	 */
	public MigrationsTester seedAt(String revision, String sql) {
		return withData(DataAtRevision.seedSql(revision, sql));
	}

	/** Rows to seed right after the revision's upgrade, written in Java. */
	public MigrationsTester seedAt(String revision, ConnectionCallback seed) {
		return withData(new DataAtRevision(revision, true, seed));
	}

	/** A check of the data after the revision's upgrade (and after the rows seeded at it), with AssertJ or JDBC. */
	public MigrationsTester assertAt(String revision, ConnectionCallback check) {
		return withData(new DataAtRevision(revision, false, check));
	}

	private MigrationsTester withData(DataAtRevision work) {
		List<DataAtRevision> more = new ArrayList<>(this.data);
		more.add(work);
		return new MigrationsTester(this.config, this.databases, this.expectedHeads, more, this.failOnIrreversible,
				this.appliedDatabase, this.lint, this.model);
	}

	/**
	 * Whether the stairway fails on a revision without a downgrade section; by default it reports the revision (its
	 * dynamic test aborted with the reason, or listed in {@link CheckOutcome#reported()}) and goes on.
	 */
	public MigrationsTester failOnIrreversible(boolean fail) {
		return new MigrationsTester(this.config, this.databases, this.expectedHeads, this.data, fail,
				this.appliedDatabase, this.lint, this.model);
	}

	/** Adds {@link #checkAppliedScripts(DataSource)} on this database to {@link #checks()}. */
	public MigrationsTester withAppliedDatabase(DataSource database) {
		return new MigrationsTester(this.config, this.databases, this.expectedHeads, this.data,
				this.failOnIrreversible, database, this.lint, this.model);
	}

	/** Adds {@link #checkLint()} to {@link #checks()}. */
	public MigrationsTester withLint() {
		return new MigrationsTester(this.config, this.databases, this.expectedHeads, this.data,
				this.failOnIrreversible, this.appliedDatabase, true, this.model);
	}

	/**
	 * Adds {@link #checkModelMatchesHead()} for these JPA entities to {@link #checks()}; needs
	 * {@code dev.migrations:migrations-jpa} (and Hibernate) on the test class path.
	 * @param entities the {@code @Entity} classes, and the {@code @Embeddable} and {@code @MappedSuperclass} ones
	 * they use
	 */
	public MigrationsTester withEntities(Class<?>... entities) {
		ClassLoader loader = (entities.length > 0) ? entities[0].getClassLoader() : getClass().getClassLoader();
		return withModel(new EntityModel(List.of(entities), jpaProperties(), loader));
	}

	/**
	 * Adds {@link #checkModelMatchesHead()} for the JPA entities in these packages (and their subpackages), as
	 * compiled into directories of the class path.
	 */
	public MigrationsTester withEntityPackages(String... packages) {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		return withModel(new EntityModel(EntityClasses.inPackages(loader, packages), jpaProperties(), loader));
	}

	/**
	 * The application's {@code spring.jpa.*} properties for the entities' schema: the naming strategies
	 * ({@code spring.jpa.hibernate.naming.*}), {@code spring.jpa.database-platform} and
	 * {@code spring.jpa.properties.*}; Spring Boot's defaults without them. {@code @MigrationsTest} passes the
	 * application's own.
	 */
	public MigrationsTester withJpaProperties(Map<String, String> properties) {
		List<Class<?>> entities = (this.model != null) ? this.model.entities() : List.of();
		ClassLoader loader = (this.model != null) ? this.model.loader() : getClass().getClassLoader();
		return withModel(new EntityModel(entities, properties, loader));
	}

	private Map<String, String> jpaProperties() {
		return (this.model != null) ? this.model.properties() : Map.of();
	}

	private MigrationsTester withModel(EntityModel model) {
		return new MigrationsTester(this.config, this.databases, this.expectedHeads, this.data,
				this.failOnIrreversible, this.appliedDatabase, this.lint, model);
	}

	/** Every check as dynamic tests, one container per check: return it from a {@code @TestFactory} method. */
	public Stream<DynamicNode> checks() {
		ScriptsUnderTest scripts = scripts();
		List<Check> checks = new ArrayList<>(List.of(HeadsCheck.of(scripts, this.expectedHeads),
				UpgradeCheck.of(scripts, this.databases, this.data),
				StairwayCheck.of(scripts, this.databases, this.failOnIrreversible)));
		if (this.lint) {
			checks.add(LintCheck.of(scripts));
		}
		if (this.appliedDatabase != null) {
			checks.add(AppliedScriptsCheck.of(scripts, this.appliedDatabase));
		}
		if (this.model != null && !this.model.entities().isEmpty()) {
			checks.add(ModelCheck.of(scripts, this.databases, this.model));
		}
		return checks.stream().map(Check::asDynamicTests);
	}

	/** One head, or exactly the declared heads; the failure names them and the merge command. */
	public CheckOutcome checkHeads() {
		return HeadsCheck.of(scripts(), this.expectedHeads).runAll();
	}

	/** From an empty database to every head, one revision at a time, with the data seeded and checked at revisions. */
	public CheckOutcome checkUpgrade() {
		return UpgradeCheck.of(scripts(), this.databases, this.data).runAll();
	}

	/** Each revision in upgrade order: upgraded, downgraded alone, upgraded again. */
	public CheckOutcome checkStairway() {
		return StairwayCheck.of(scripts(), this.databases, this.failOnIrreversible).runAll();
	}

	/** {@code migrations lint} over every revision: an error-level finding fails it, with the command's lines. */
	public CheckOutcome checkLint() {
		return LintCheck.of(scripts()).runAll();
	}

	/** The revisions the database applied still have the scripts they were applied from (checksums). */
	public CheckOutcome checkAppliedScripts(DataSource database) {
		return AppliedScriptsCheck.of(scripts(), database).runAll();
	}

	/**
	 * The revisions of a base branch's scripts, checked out apart (say {@code filesystem:target/base/db/migrations}
	 * from {@code git worktree add}), are all still here with the same checksums.
	 * @param baseLocation the base branch's script location, {@code classpath:} or {@code filesystem:}
	 */
	public CheckOutcome checkScriptsUnchangedSince(String baseLocation) {
		ScriptsUnderTest base = ScriptsUnderTest.load(this.config.toBuilder().locations(baseLocation).build());
		return AppliedScriptsCheck.ofBase(scripts(), base).runAll();
	}

	/**
	 * The {@linkplain #withEntities JPA entities} map to the schema at head: a database upgraded to every head and the
	 * schema Hibernate creates for the entities do not differ. The failure lists the differences as Alembic does
	 * ({@code Detected added column 'users.bio'}) and the statements of the revision that would fix them.
	 * @throws IllegalStateException when no entities were given
	 */
	public CheckOutcome checkModelMatchesHead() {
		if (this.model == null || this.model.entities().isEmpty()) {
			throw new IllegalStateException(
					"No JPA entities to compare with the schema at head: call withEntities(...) or withEntityPackages(...) first");
		}
		return ModelCheck.of(scripts(), this.databases, this.model).runAll();
	}

	/**
	 * A new database at every head, for tests of your own that start from the schema the application runs on; on
	 * PostgreSQL a copy of a cached template (see {@link PostgresDatabases}). Close it when done.
	 */
	public TestDatabase databaseAtHeads() {
		return this.databases.createAtHeads("at_heads", this.config);
	}

	private ScriptsUnderTest scripts() {
		return ScriptsUnderTest.load(this.config);
	}

}
