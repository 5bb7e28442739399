package dev.migrations.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A database server that can be stopped: a TCP relay on a port of its own to a real server, which {@link #stop()}
 * turns into a closed port, every open connection cut, as a server that was shut down. The tests cannot stop the
 * shared server itself.
 */
public final class StoppableRelay implements AutoCloseable {

	private final ServerSocket socket;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	/** @param jdbcUrl a URL of the server to forward to, {@code jdbc:<scheme>://<host>:<port>/...} */
	public StoppableRelay(String jdbcUrl) {
		URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
		this.targetHost = server.getHost();
		this.targetPort = server.getPort();
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon(this::accept, "relay-accept");
	}

	/** {@code jdbcUrl} with its host and port replaced by the relay's. */
	public String relayed(String jdbcUrl) {
		return jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + this.socket.getLocalPort() + "/");
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				Socket server = new Socket(this.targetHost, this.targetPort);
				this.open.add(client);
				this.open.add(server);
				daemon(() -> pipe(client, server), "relay-up");
				daemon(() -> pipe(server, client), "relay-down");
			}
			catch (IOException ex) {
				return; // stopped
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed: the relay of this connection ends
		}
	}

	private static void daemon(Runnable work, String name) {
		Thread thread = new Thread(work, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** Closes the port and cuts every connection made through it. */
	public void stop() {
		try {
			this.socket.close();
			for (Socket each : this.open) {
				each.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

}
