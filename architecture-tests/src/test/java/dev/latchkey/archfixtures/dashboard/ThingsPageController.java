package dev.latchkey.archfixtures.dashboard;

import dev.latchkey.archfixtures.application.port.in.Caller;
import dev.latchkey.archfixtures.application.port.in.CreateThingUseCase;
import dev.latchkey.archfixtures.domain.thing.Thing;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;

/** A page controller may hand domain objects to its templates: that is rendering, not serialisation. */
@Controller
public class ThingsPageController {

    private final CreateThingUseCase createThing;

    public ThingsPageController(CreateThingUseCase createThing) {
        this.createThing = createThing;
    }

    @PostMapping("/things")
    public String create(NewThingForm form, Model model) {
        Thing thing = createThing.create(new Caller.UserCaller("w", "u"),
                new CreateThingUseCase.CreateThingCommand(form.name(), form.kind()));
        model.addAttribute("thing", thing);
        return "things/created";
    }

    public record NewThingForm(String name, String kind) {
    }
}
