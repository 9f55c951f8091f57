package dev.latchkey.archfixtures.persistence;

import java.time.Instant;

public record ThingRow(String id, String workspace, String name, String kind, Instant createdAt) {
}
