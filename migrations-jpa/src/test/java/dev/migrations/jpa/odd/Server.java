package dev.migrations.jpa.odd;

import java.net.InetAddress;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A type PostgreSQL's dialect writes as {@code inet}, which H2 lacks. */
@Entity
public class Server {

	@Id
	private Long id;

	private InetAddress address;

}
