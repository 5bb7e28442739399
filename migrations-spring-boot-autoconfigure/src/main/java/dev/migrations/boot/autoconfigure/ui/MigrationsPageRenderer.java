package dev.migrations.boot.autoconfigure.ui;

import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe;
import dev.migrations.boot.autoconfigure.MigrationsStatusProbe.Reading;
import dev.migrations.error.MigrationsException;
import dev.migrations.state.HistoryEntry;

/**
 * Reads what the operators' page shows, each time it is asked for: the status through the
 * {@link MigrationsStatusProbe} (bound in time, as the endpoint's), the revisions from the loaded scripts, and,
 * when the database answered, its history table.
 */
public final class MigrationsPageRenderer {

	private final MigrationsStatusProbe probe;

	public MigrationsPageRenderer(MigrationsStatusProbe probe) {
		this.probe = probe;
	}

	/** The page as it stands now; blocks on the database for up to the probe's timeout, then on the log's read. */
	public MigrationsPage render() {
		Migrations migrations = this.probe.migrations();
		Reading reading = this.probe.read();
		List<HistoryEntry> log = List.of();
		String logProblem = null;
		if (reading instanceof Reading.Read) {
			try {
				log = migrations.log();
			}
			catch (MigrationsException ex) {
				logProblem = ex.getMessage();
			}
		}
		return MigrationsPage.of(reading, migrations.history(null, false), migrations.scripts().graph()::dependencies,
				log, logProblem);
	}

}
