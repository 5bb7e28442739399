package dev.migrations.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code -D} properties each goal takes, read from the plugin descriptor Maven runs it by, against the table of
 * contract §8: a property the contract names and the goal does not bind would be ignored without a word.
 */
class GoalPropertiesTest {

	private static final Set<String> EVERY_GOAL = Set.of("migrations.url", "migrations.user", "migrations.password",
			"migrations.profile", "migrations.instance");

	@Test
	void eachGoalTakesThePropertiesOfTheContract() throws Exception {
		Map<String, Set<String>> properties = goalProperties();
		properties.values().forEach((taken) -> assertThat(taken).containsAll(EVERY_GOAL));
		assertThat(properties.get("revision")).contains("migrations.message", "migrations.autogenerate",
				"migrations.rev-id", "migrations.dev-url", "migrations.entity-packages");
		assertThat(properties.get("check")).contains("migrations.dev-url", "migrations.entity-packages");
		assertThat(properties.get("upgrade")).contains("migrations.target");
		assertThat(properties.get("downgrade")).contains("migrations.target");
		assertThat(properties.get("stamp")).contains("migrations.target");
		assertThat(properties.get("current")).contains("migrations.verbose");
		assertThat(properties.get("heads")).contains("migrations.verbose");
		assertThat(properties.get("history")).contains("migrations.verbose", "migrations.rev-range",
				"migrations.indicate-current");
		assertThat(properties.get("lint")).contains("migrations.range", "migrations.format", "migrations.pg-version",
				"migrations.output");
		assertThat(properties.get("graph")).contains("migrations.format", "migrations.range", "migrations.output");
	}

	/** Each goal's properties: the {@code ${migrations.*}} expressions of its parameters in the descriptor. */
	private static Map<String, Set<String>> goalProperties()
			throws IOException, ParserConfigurationException, SAXException {
		Map<String, Set<String>> goals = new TreeMap<>();
		try (InputStream descriptor = GoalPropertiesTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
			assertThat(descriptor).as("the plugin descriptor, generated before the tests run").isNotNull();
			NodeList mojos = DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(descriptor)
				.getElementsByTagName("mojo");
			for (int i = 0; i < mojos.getLength(); i++) {
				Element mojo = (Element) mojos.item(i);
				String goal = mojo.getElementsByTagName("goal").item(0).getTextContent();
				Set<String> taken = new TreeSet<>();
				NodeList configuration = mojo.getElementsByTagName("configuration").item(0).getChildNodes();
				for (int j = 0; j < configuration.getLength(); j++) {
					Node parameter = configuration.item(j);
					String expression = parameter.getTextContent().trim();
					if (parameter.getNodeType() == Node.ELEMENT_NODE && expression.startsWith("${migrations.")) {
						taken.add(expression.substring(2, expression.length() - 1));
					}
				}
				goals.put(goal, taken);
			}
		}
		assertThat(goals).containsKeys("revision", "check", "upgrade", "downgrade", "stamp", "current", "history",
				"heads", "lint", "graph");
		return goals;
	}

}
