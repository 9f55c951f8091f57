package dev.latchkey.persistence;

import dev.latchkey.application.port.out.InvitationRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.contract.InvitationRepositoryContract;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.security.SecureRandom;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisInvitationRepositoryContractTest extends InvitationRepositoryContract {

    @Autowired MyBatisInvitationRepository invitations;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired Transactions transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @Override
    protected InvitationRepository invitations() {
        return invitations;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected WorkspaceId newWorkspace() {
        Workspace workspace = Workspace.create("Acme", T0);
        workspaces.add(workspace);
        return workspace.id();
    }

    @Override
    protected UserId newUser() {
        return UserId.newId();
    }

    @Test
    void onlyTheTokensHashIsStored() {
        Invitation.Issued issued = Invitation.issue(newWorkspace(), new Email("hash-only@example.com"), Role.MEMBER,
                newUser(), T0, Invitation.DEFAULT_TTL, new SecureRandom());
        invitations.add(issued.invitation());

        assertThat(jdbc.queryForObject("select token_hash from invitations where id = ?", String.class,
                issued.invitation().id().value())).isEqualTo(issued.token().hash());
        assertThat(jdbc.queryForObject("select count(*) from invitations where row(invitations.*)::text like ?",
                Integer.class, "%" + issued.token().reveal() + "%")).isZero();
        assertThat(catchThrowable(() -> invitations.add(issued.invitation()))).as("a token names one invitation")
                .isNotNull();
    }

    @Test
    void thePendingListingReadsThroughTheOpenIndex() {
        assertThat(PersistenceTestPlans.explain(transactionManager, jdbc, """
                select i.id from invitations i where i.workspace_id = 'ws' and i.accepted_at is null
                and i.revoked_at is null and i.expires_at > now()
                order by i.created_at desc, i.id desc limit 21""", List.of())).contains("invitations_open_idx");
    }
}
