package ownpilot.gateway.profile;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ownpilot.gateway.chat.TurnContext;
import ownpilot.gateway.shared.Actor;

/** Puts the profile summary into every turn's system prompt. */
@Component
@Order(10)
class ProfileContext implements TurnContext {

    private final ProfileService profiles;

    ProfileContext(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    public Contribution contribute(Actor actor, String message) {
        return new Contribution("About the user", profiles.summary(actor.userId()), List.of());
    }
}
