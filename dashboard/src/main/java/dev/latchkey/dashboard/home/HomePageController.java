package dev.latchkey.dashboard.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The root sends everyone to their keys (which sends the signed-out to the sign-in page). */
@Controller
public class HomePageController {

    @GetMapping("/")
    String home() {
        return "redirect:/settings/api-keys";
    }
}
