package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A database server that has stopped answering: it accepts connections on a port of its own and never says a word,
 * as a server does that hangs, or a network that drops the packets after the handshake. Counts the connections made.
 */
public final class SilentServer implements AutoCloseable {

	private final ServerSocket socket;

	private final List<Socket> accepted = new CopyOnWriteArrayList<>();

	public SilentServer() {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "silent-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				this.accepted.add(this.socket.accept());
			}
			catch (IOException ex) {
				return; // closed
			}
		}
	}

	/** A PostgreSQL URL of a database on this server. */
	public String postgresUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.socket.getLocalPort() + "/app";
	}

	/** How many connections clients opened. */
	public int connections() {
		return this.accepted.size();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
		for (Socket client : this.accepted) {
			client.close();
		}
	}

}
