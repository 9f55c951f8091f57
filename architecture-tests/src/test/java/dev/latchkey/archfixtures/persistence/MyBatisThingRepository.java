package dev.latchkey.archfixtures.persistence;

import dev.latchkey.archfixtures.application.port.out.ThingRepository;
import dev.latchkey.archfixtures.domain.common.Name;
import dev.latchkey.archfixtures.domain.thing.Thing;
import dev.latchkey.archfixtures.domain.thing.ThingId;
import dev.latchkey.archfixtures.domain.thing.ThingKind;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public final class MyBatisThingRepository implements ThingRepository {

    private final ThingMapper mapper;

    public MyBatisThingRepository(ThingMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void insert(String workspace, Thing thing) {
        mapper.insert(new ThingRow(thing.id().value(), workspace, thing.name().value(), thing.kind().name(),
                thing.createdAt()));
    }

    @Override
    public Optional<Thing> find(String workspace, ThingId id) {
        return Optional.ofNullable(mapper.find(workspace, id.value()))
                .map(row -> new Thing(new ThingId(row.id()), new Name(row.name()), ThingKind.valueOf(row.kind()),
                        List.of(), row.createdAt()));
    }

    /** JDBC is fine here, in persistence. */
    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
