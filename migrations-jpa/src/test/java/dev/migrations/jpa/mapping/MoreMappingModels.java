package dev.migrations.jpa.mapping;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.UniqueConstraint;

import org.hibernate.annotations.NaturalId;

/**
 * More entity models for {@code MappedCatalogTest}: mappings whose tables, keys or types come from less travelled
 * parts of Hibernate's mapping (a one-to-many's order column in the child's table, a shared primary key, a union
 * subclass, a named table generator, enum map keys, named and absent foreign keys).
 */
public final class MoreMappingModels {

	private MoreMappingModels() {
	}

	/** A one-to-many by a join column, ordered by a column in the child's table. */
	@Entity(name = "Album")
	public static class Album extends MappingModels.Keyed {

		@OneToMany
		@JoinColumn(name = "album_id")
		@OrderColumn(name = "song_position")
		List<Song> songs = new ArrayList<>();

	}

	/** The child of {@link Album}, with a natural id (a unique key) and a text longer than a {@code varchar}. */
	@Entity(name = "Song")
	public static class Song extends MappingModels.Keyed {

		@NaturalId
		@Column(length = 12)
		String isrc;

		@Column(length = 100000)
		String lyrics;

	}

	/** Kinds of contact, as map keys. */
	public enum Channel {

		EMAIL, PHONE

	}

	/** A postal address, embedded twice under other column names and held in a collection. */
	@Embeddable
	public static class Address {

		String street;

		@Column(length = 10)
		String zip;

	}

	/** An enum map key stored by name, embeddables overridden and in a named collection table. */
	@Entity(name = "Contact")
	public static class Contact {

		@Id
		UUID id;

		@ElementCollection
		@CollectionTable(name = "contact_handle", joinColumns = @JoinColumn(name = "contact_id"))
		@MapKeyEnumerated(EnumType.STRING)
		@Column(name = "handle", nullable = false)
		Map<Channel, String> handles;

		@Embedded
		Address home;

		@Embedded
		@AttributeOverride(name = "street", column = @Column(name = "work_street"))
		@AttributeOverride(name = "zip", column = @Column(name = "work_zip", length = 12))
		Address work;

		@ElementCollection
		List<Address> previous;

	}

	/** A primary key shared with {@link Contact}. */
	@Entity(name = "ContactPhoto")
	public static class ContactPhoto {

		@Id
		UUID id;

		@OneToOne
		@MapsId
		Contact contact;

		Date takenAt;

		@Temporal(TemporalType.DATE)
		Calendar filed;

	}

	/** A union-subclass hierarchy, keyed by a named table generator. */
	@Entity(name = "Vehicle")
	@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
	public abstract static class Vehicle {

		@Id
		@GeneratedValue(strategy = GenerationType.TABLE, generator = "vehicle_ids")
		@TableGenerator(name = "vehicle_ids", table = "id_block", pkColumnName = "block_name",
				valueColumnName = "next_block", allocationSize = 20)
		Long id;

		@Column(precision = 12, scale = 3)
		BigDecimal weight;

	}

	/** A concrete {@link Vehicle}. */
	@Entity(name = "Truck")
	public static class Truck extends Vehicle {

		int axles;

	}

	/** Another concrete {@link Vehicle}. */
	@Entity(name = "Boat")
	public static class Boat extends Vehicle {

		@Column(length = 20)
		String hull;

	}

	/** Foreign keys named, absent, two to one table, and a named unique constraint. */
	@Entity(name = "Transfer")
	@Table(uniqueConstraints = @UniqueConstraint(name = "transfer_route_uk", columnNames = { "origin_id",
			"destination_id", "booked" }))
	public static class Transfer {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Integer id;

		@ManyToOne(optional = false)
		@JoinColumn(name = "origin_id", foreignKey = @ForeignKey(name = "transfer_origin_fk"))
		Truck origin;

		@ManyToOne
		@JoinColumn(name = "destination_id")
		Truck destination;

		@ManyToOne
		@JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
		Boat ferry;

		ZonedDateTime booked;

		Locale language;

		Currency currency;

		Boolean confirmed;

		Character mark;

	}

	/** Columns named after words of SQL some databases reserve, and an index on two of them. */
	@Entity(name = "Setting")
	@Table(indexes = @jakarta.persistence.Index(name = "setting_key_value_idx", columnList = "key, value DESC"))
	public static class Setting extends MappingModels.Keyed {

		@Column(length = 50)
		String key;

		String value;

		int year;

		@Column(length = 20)
		String type;

		String comment;

	}

	/**
	 * Wide texts that fit the rows of their own tables but not one row together: MariaDB counts a {@code varchar}'s
	 * full length (4 bytes a character in utf8mb4) against its 65,535-byte row.
	 */
	@Entity(name = "Manuscript")
	public static class Manuscript extends MappingModels.Keyed {

		@Column(length = 5000)
		String draft;

		@Column(length = 5001)
		String revised;

		@Column(length = 5002)
		String published;

	}

	/** The other half of the wide texts of {@link Manuscript}. */
	@Entity(name = "Appendix")
	public static class Appendix extends MappingModels.Keyed {

		@Column(length = 5003)
		String draft;

		@Column(length = 5004)
		String revised;

	}

}
