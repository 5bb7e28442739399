package dev.migrations.graph;

import java.util.stream.Stream;

import dev.migrations.error.ErrorKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every form of contract §3's targets, and every way of getting one wrong. */
class TargetParserTest {

	private static final Target A1B2 = new Target.Id(null, "1a2b");

	static Stream<Arguments> forms() {
		return Stream.of(arguments("head", new Target.Head(null)), arguments("heads", new Target.Heads(null)),
				arguments("base", new Target.Base(null)), arguments("1a2b", A1B2),
				arguments("1a2b3c4d5e6f", new Target.Id(null, "1a2b3c4d5e6f")),
				arguments("alpha", new Target.Id(null, "alpha")), arguments("alpha@head", new Target.Head("alpha")),
				arguments("alpha@heads", new Target.Heads("alpha")), arguments("alpha@base", new Target.Base("alpha")),
				arguments("alpha@1a2b", new Target.Id("alpha", "1a2b")),
				arguments("+2", new Target.Relative(null, null, "+2")),
				arguments("-1", new Target.Relative(null, null, "-1")),
				arguments("-0", new Target.Relative(null, null, "-0")),
				arguments("1a2b+3", new Target.Relative(null, A1B2, "+3")),
				arguments("1a2b-3", new Target.Relative(null, A1B2, "-3")),
				arguments("head-1", new Target.Relative(null, Target.HEAD, "-1")),
				arguments("base+1", new Target.Relative(null, Target.BASE, "+1")),
				arguments("alpha@-1", new Target.Relative("alpha", null, "-1")),
				arguments("alpha@+2", new Target.Relative("alpha", null, "+2")),
				arguments("alpha@1a2b+1", new Target.Relative("alpha", A1B2, "+1")),
				arguments("current", new Target.Current()),
				arguments("base:head", new Target.Range(Target.BASE, Target.HEAD)),
				arguments("1a2b:", new Target.Range(A1B2, null)),
				arguments(":1a2b", new Target.Range(null, A1B2)),
				arguments("-2:", new Target.Range(new Target.Relative(null, null, "-2"), null)),
				arguments("current:head", new Target.Range(new Target.Current(), Target.HEAD)),
				arguments(":", Target.Range.ALL),
				// Characters that targets do not give a meaning to stay in the id, which then names no revision.
				arguments("1a2b,3c4d", new Target.Id(null, "1a2b,3c4d")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forms")
	void parsesEachFormAndWritesItBackAsTyped(String text, Target expected) {
		Target parsed = Target.parse(text);
		assertThat(parsed).isEqualTo(expected);
		assertThat(parsed.text()).isEqualTo(text);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			' head '    | head
			'-2 : head' | -2:head
			""")
	void dropsSurroundingWhitespace(String text, String written) {
		assertThat(Target.parse(text).text()).isEqualTo(written);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			""            | a revision id or prefix, a branch label, head, heads, base, current or a step such as -1
			@head         | a branch label (letters, digits or '_') before '@'
			al pha@head   | a branch label (letters, digits or '_') before '@'
			alpha@        | head, heads, base, a revision or a step such as -1 after '@'
			a@b@c         | one '@' at most, after the branch label
			head+         | a number of steps (1 to 9 digits) after '+'
			head-1x       | a number of steps (1 to 9 digits) after '-'
			+1234567890   | a number of steps (1 to 9 digits) after '+'
			-             | a number of steps (1 to 9 digits) after '-'
			a.b+1         | a revision id, head, heads or base before '+1'
			a:b:c         | one ':' at most, between the two ends of a range
			1a2b:alpha@   | head, heads, base, a revision or a step such as -1 after '@'
			""")
	void refusesMalformedTargetsNamingTheTextAndWhatWasExpected(String text, String expected) {
		assertThatThrownBy(() -> Target.parse(text)).isInstanceOf(GraphException.class)
			.hasMessage("Target '" + text.strip() + "' is not valid: expected " + expected)
			.satisfies((ex) -> assertThat(((GraphException) ex).kind()).isEqualTo(ErrorKind.TARGET))
			.satisfies((ex) -> assertThat(((GraphException) ex).hint()).startsWith("Write one of: head, heads, base"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			3c4d:head | 3c4d        | head
			-2:       | -2          |
			:current  |             | current
			""")
	void readsHistoryRanges(String text, String lower, String upper) {
		Target.Range range = Target.parseRange(text);
		assertThat((range.lower() != null) ? range.lower().text() : null).isEqualTo(lower);
		assertThat((range.upper() != null) ? range.upper().text() : null).isEqualTo(upper);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			3c4d
			a:b:c
			""")
	void refusesAHistoryRangeWithoutExactlyOneColon(String text) {
		assertThatThrownBy(() -> Target.parseRange(text)).isInstanceOf(GraphException.class)
			.hasMessage("History range requires [start]:[end], [start]:, or :[end], not '" + text + "'");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			current:head | true  | false
			-1:          | false | true
			base:head    | false | false
			""")
	void tellsWhatARangeNeeds(String text, boolean readsCurrent, boolean relative) {
		Target.Range range = (Target.Range) Target.parse(text);
		assertThat(range.readsCurrent()).isEqualTo(readsCurrent);
		assertThat(range.hasRelativeEnd()).isEqualTo(relative);
	}

}
