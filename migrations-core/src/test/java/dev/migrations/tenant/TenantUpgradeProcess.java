package dev.migrations.tenant;

import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.Migrations;
import dev.migrations.config.MigrationsConfig;
import dev.migrations.graph.Target;

/**
 * A separate JVM that upgrades tenant schemas, for the test of replicas sharing the work:
 * {@code java dev.migrations.tenant.TenantUpgradeProcess <jdbc-url> <user> <scripts-dir> <tenant-prefix> <count>
 * <start-at-epoch-millis>}. Waits for the start time, so that every process starts at once, then prints one line
 * per tenant and the summary. Connections come from a pool, as in an application.
 */
public final class TenantUpgradeProcess {

	private TenantUpgradeProcess() {
	}

	public static void main(String[] args) throws InterruptedException {
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(args[0]);
		pool.setUsername(args[1]);
		pool.setMaximumPoolSize(4);
		HikariDataSource dataSource = new HikariDataSource(pool);
		Migrations migrations = new Migrations(
				MigrationsConfig.builder().locations("filesystem:" + args[2]).build(), dataSource);
		List<String> tenants = new ArrayList<>();
		for (int i = 0; i < Integer.parseInt(args[4]); i++) {
			tenants.add(String.format("%s%03d", args[3], i));
		}
		migrations.scripts();
		Thread.sleep(Math.max(0, Long.parseLong(args[5]) - System.currentTimeMillis()));
		long started = System.nanoTime();
		TenantReport report = migrations
			.tenants(new TenantLayout.SchemaPerTenant(dataSource), new TenantOptions(2, FailurePolicy.FAIL_FAST))
			.upgrade(tenants, Target.parse("head"));
		report.tenants().forEach((result) -> System.out.println(result.line()));
		System.out.println(report.summary() + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		dataSource.close();
	}

}
