package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.domain.common.Name;
import dev.latchkey.archfixtures.domain.thing.Thing;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Breaks domainTypesAreNotSerialisedDirectly: domain types returned as JSON and bound from JSON. */
@RestController
public class BadThingController {

    @GetMapping("/v1/bad/thing")
    public Thing get() {
        throw new UnsupportedOperationException();
    }

    @GetMapping("/v1/bad/things")
    public ResponseEntity<List<Thing>> list() {
        throw new UnsupportedOperationException();
    }

    @PostMapping("/v1/bad/things")
    public String create(@RequestBody Name name) {
        return name.value();
    }
}
