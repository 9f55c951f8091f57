package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.application.port.in.Caller;
import dev.latchkey.archfixtures.application.port.in.CreateThingUseCase;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
public class ThingController {

    private final CreateThingUseCase createThing;

    public ThingController(CreateThingUseCase createThing) {
        this.createThing = createThing;
    }

    @PostMapping("/v1/things")
    public ResponseEntity<ThingResponse> create(@RequestBody CreateThingRequest request, HttpServletRequest http) {
        Caller caller = new Caller.UserCaller(http.getHeader("X-Workspace"), "user");
        return ResponseEntity.status(201).body(ThingResponse.from(createThing.create(caller, request.toCommand())));
    }

    @PostMapping("/v1/things:batch")
    public List<ThingResponse> createAll(@RequestBody List<CreateThingRequest> requests, HttpServletRequest http) {
        Caller caller = new Caller.UserCaller(http.getHeader("X-Workspace"), "user");
        return requests.stream().map(r -> ThingResponse.from(createThing.create(caller, r.toCommand()))).toList();
    }
}
