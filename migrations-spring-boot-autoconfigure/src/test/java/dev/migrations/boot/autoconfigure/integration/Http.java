package dev.migrations.boot.autoconfigure.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** GETs JSON from the application under test over real HTTP. */
final class Http {

	private static final HttpClient client = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private Http() {
	}

	/** A response's status code and its body read as JSON. */
	record Response(int status, Map<String, Object> body) {

	}

	@SuppressWarnings("unchecked")
	static Response get(int port, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Map<String, Object> body = response.body().isEmpty() ? Map.of() : json.readValue(response.body(), Map.class);
		return new Response(response.statusCode(), body);
	}

}
