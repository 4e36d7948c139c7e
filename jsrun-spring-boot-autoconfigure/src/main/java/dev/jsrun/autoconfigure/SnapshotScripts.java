package dev.jsrun.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import dev.jsrun.snapshot.SnapshotBuilder;

/** Reads the scripts of {@code jsrun.snapshot.scripts} into a {@link SnapshotBuilder}. */
final class SnapshotScripts {

    private final ResourcePatternResolver resolver;

    SnapshotScripts(ResourcePatternResolver resolver) {
        this.resolver = resolver;
    }

    void addTo(SnapshotBuilder builder, List<String> locations) {
        for (int i = 0; i < locations.size(); i++) {
            String location = locations.get(i);
            String property = "jsrun.snapshot.scripts[" + i + "]";
            builder.executeScript(location, read(property, location));
        }
    }

    private String read(String property, String location) {
        if (location == null || location.isBlank()) {
            throw new SnapshotScriptNotFoundException(property, String.valueOf(location), "the location is empty",
                    null);
        }
        Resource resource = resolve(property, location.trim());
        if (!resource.isReadable()) {
            throw new SnapshotScriptNotFoundException(property, location,
                    "the resource cannot be read (a directory, or no permission to read it)", null);
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new SnapshotScriptNotFoundException(property, location,
                    "the resource cannot be read (" + ex.getMessage() + ")", ex);
        }
    }

    private Resource resolve(String property, String location) {
        if (!location.contains("*") && !location.contains("?")) {
            Resource resource = this.resolver.getResource(location);
            if (!resource.exists()) {
                throw new SnapshotScriptNotFoundException(property, location, "no such resource", null);
            }
            return resource;
        }
        try {
            Resource[] matches = this.resolver.getResources(location);
            if (matches.length == 1) {
                return matches[0];
            }
            throw new SnapshotScriptNotFoundException(property, location, matches.length == 0 ? "no resource matches"
                    : matches.length + " resources match, but a script location must match exactly one", null);
        }
        catch (IOException ex) {
            throw new SnapshotScriptNotFoundException(property, location,
                    "the pattern cannot be resolved (" + ex.getMessage() + ")", ex);
        }
    }

}
