package dev.latchkey.archfixtures.persistence;

/** Breaks outboundPortsLiveInPortOut: a *Port interface declared in an adapter. */
public interface BadThingPort {

    void touch(String id);
}
