package dev.migrations.jpa.mapping;

import java.io.Serializable;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

/**
 * Entity models that stress the mapped catalog: each nested group is one model of {@code MappedCatalogTest}, a
 * mapping feature whose tables, keys, names or types the catalog built from Hibernate's mapping must get exactly as
 * Hibernate's {@code create} leaves them.
 */
public final class MappingModels {

	private MappingModels() {
	}

	/** An identity key, as most entities have. */
	@MappedSuperclass
	public abstract static class Keyed {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

	}

	/** The key of {@link OrderLine}, embedded. */
	@Embeddable
	public record OrderLineId(long orderNumber, int lineNumber) implements Serializable {
	}

	/** A composite key by {@code @EmbeddedId}. */
	@Entity(name = "OrderLine")
	public static class OrderLine {

		@EmbeddedId
		OrderLineId id;

		int quantity;

	}

	/** The key of {@link Enrollment}, by {@code @IdClass}. */
	public record EnrollmentId(String student, String course) implements Serializable {
	}

	/** A composite key by {@code @IdClass}, and a foreign key of two columns to {@link OrderLine}. */
	@Entity(name = "Enrollment")
	@IdClass(EnrollmentId.class)
	public static class Enrollment {

		@Id
		@Column(length = 40)
		String student;

		@Id
		@Column(length = 40)
		String course;

		@ManyToOne
		OrderLine paidBy;

	}

	/** Collections with an order column and a map key column, and a {@code @Version}. */
	@Entity(name = "Playlist")
	public static class Playlist {

		@Id
		@GeneratedValue
		Long id;

		@Version
		int version;

		@ElementCollection
		@OrderColumn(name = "track_position")
		List<String> tracks;

		@ElementCollection
		@MapKeyColumn(name = "attribute_name", length = 50)
		@Column(name = "attribute_value")
		Map<String, String> attributes;

	}

	/** A secondary table, keyed to the primary one. */
	@Entity(name = "Customer")
	@SecondaryTable(name = "customer_detail")
	public static class Customer extends Keyed {

		String name;

		@Column(table = "customer_detail")
		String biography;

		@Version
		Long version;

	}

	/** How a database spells Java's types. */
	public enum Level {

		LOW, MEDIUM, HIGH

	}

	/** A column of each of Java's common types, and an enum stored by its ordinal (with Hibernate's check). */
	@Entity(name = "Measurement")
	public static class Measurement extends Keyed {

		LocalDate takenOn;

		LocalTime takenAt;

		LocalDateTime recorded;

		Instant received;

		Duration lasted;

		OffsetTime localTime;

		BigInteger count;

		char grade;

		byte[] digest;

		float ratio;

		double amount;

		short small;

		Year vintage;

	}

	/** An enum stored by its ordinal, with Hibernate's check of the ordinals, and a {@code @Lob} of bytes. */
	@Entity(name = "Rating")
	public static class Rating extends Keyed {

		@Enumerated(EnumType.ORDINAL)
		Level level;

		@Lob
		byte[] badge;

	}

	/** A key from a table generator, whose table Hibernate creates. */
	@Entity(name = "Ticket")
	public static class Ticket {

		@Id
		@GeneratedValue(strategy = GenerationType.TABLE)
		Long id;

	}

	/** A key from one sequence, allocated by ten, for every document. */
	@MappedSuperclass
	public abstract static class Document {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_seq")
		@SequenceGenerator(name = "document_seq", sequenceName = "document_seq", allocationSize = 10)
		Long id;

	}

	/** A user of the documents' sequence. */
	@Entity(name = "Invoice")
	public static class Invoice extends Document {

		@Column(length = 20)
		String number;

	}

	/** The other user of the documents' sequence. */
	@Entity(name = "CreditNote")
	public static class CreditNote extends Document {

		@ManyToOne
		Invoice invoice;

	}

	/** A sequence of its own, allocated one by one. */
	@Entity(name = "Receipt")
	public static class Receipt {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "receipt_seq")
		@SequenceGenerator(name = "receipt_seq", sequenceName = "receipt_seq", allocationSize = 1, initialValue = 100)
		Long id;

	}

	/** Hibernate's {@code @Check} and {@code @Comment}, and a default that calls a function. */
	@Entity(name = "Account")
	@Check(constraints = "balance >= 0")
	@Comment("The accounts of customers")
	public static class Account extends Keyed {

		@Comment("What the customer owes us, never negative")
		long balance;

		@ColumnDefault("CURRENT_TIMESTAMP")
		LocalDateTime opened;

	}

	/** A unique column other tables point at. */
	@Entity(name = "Country")
	public static class Country extends Keyed {

		@Column(unique = true, nullable = false, length = 2)
		String code;

	}

	/**
	 * A foreign key to a unique column that is not the key, and an index on several columns, ascending and
	 * descending.
	 */
	@Entity(name = "City")
	@Table(indexes = @Index(name = "city_ranked_idx", columnList = "name ASC, population DESC, founded"))
	public static class City extends Keyed {

		String name;

		long population;

		LocalDate founded;

		@ManyToOne
		@JoinColumn(name = "country_code", referencedColumnName = "code")
		Country country;

	}

	/** A many-to-many to itself. */
	@Entity(name = "Person")
	public static class Person extends Keyed {

		@ManyToMany
		@JoinTable(name = "person_friend", joinColumns = @JoinColumn(name = "person_id"),
				inverseJoinColumns = @JoinColumn(name = "friend_id"))
		Set<Person> friends;

	}

	/** A one-to-one by a unique join column. */
	@Entity(name = "Passport")
	public static class Passport extends Keyed {

		@OneToOne
		@JoinColumn(name = "holder_id", unique = true)
		Person holder;

	}

	/** An entity whose table name is a reserved word, quoted. */
	@Entity(name = "PurchaseOrder")
	@Table(name = "\"order\"")
	public static class PurchaseOrder extends Keyed {

		@ManyToOne
		Customer customer;

	}

	/**
	 * A table name longer than PostgreSQL's 63 characters, which it cuts, and its primary key's name with it; an
	 * identity, as a {@code _seq} sequence would be cut to the table's own name.
	 */
	@Entity(name = "LongNamed")
	@Table(name = "a_table_whose_name_is_longer_than_the_sixty_three_characters_postgresql_keeps")
	public static class LongNamed extends Keyed {

		@ManyToOne
		LongNamed parent;

		@Column(length = 30)
		String label;

	}

}
