package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.MailPort;

import java.util.ArrayList;
import java.util.List;

/** Keeps the mails it is asked to send; can be told to fail. */
public final class RecordingMailPort implements MailPort {

    private final List<InvitationMail> sent = new ArrayList<>();
    private volatile boolean failing;

    @Override
    public synchronized void sendInvitation(InvitationMail mail) {
        if (failing) {
            throw new IllegalStateException("the mail server is down");
        }
        sent.add(mail);
    }

    public void failing(boolean failing) {
        this.failing = failing;
    }

    public synchronized List<InvitationMail> sent() {
        return List.copyOf(sent);
    }
}
