package it.plain;

public record Greeting(String text) {
}
