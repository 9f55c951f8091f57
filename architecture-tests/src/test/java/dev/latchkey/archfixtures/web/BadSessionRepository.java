package dev.latchkey.archfixtures.web;

/** Breaks outboundPortsLiveInPortOut: a *Repository interface declared in an adapter. */
public interface BadSessionRepository {

    String find(String id);
}
