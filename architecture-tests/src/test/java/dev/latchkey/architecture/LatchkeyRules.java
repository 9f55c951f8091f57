package dev.latchkey.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Latchkey's architecture rules (ARCHITECTURE.md, "Modules" and "Tests"), parameterised by the base package so
 * that the very same rule code runs on the real classes ({@code dev.latchkey}, must pass) and on the bad fixtures
 * ({@code dev.latchkey.archfixtures}, must fail).
 *
 * <p>Every rule is a {@link GuardedRule}: besides ArchUnit's {@code failOnEmptyShould} (kept on), it fails when
 * any package it names holds no imported class.
 */
public final class LatchkeyRules {

    /** The base package of the real code. */
    public static final String LATCHKEY = "dev.latchkey";

    static final String MYBATIS_MAPPER = "org.apache.ibatis.annotations.Mapper";
    static final String RESPONSE_BODY = "org.springframework.web.bind.annotation.ResponseBody";
    static final String REQUEST_BODY = "org.springframework.web.bind.annotation.RequestBody";

    /** Persistence technology: allowed only in the persistence adapter and in app (wiring). */
    static final List<String> PERSISTENCE_TECHNOLOGY = List.of(
            "org.apache.ibatis..", "org.mybatis..", "java.sql..", "javax.sql..", "org.springframework.jdbc..",
            "liquibase..");
    /** Template technology: allowed only in the dashboard and in app. */
    static final List<String> TEMPLATE_TECHNOLOGY = List.of("org.thymeleaf..");
    /** HTTP / servlet technology: allowed only in the web adapter, the dashboard and app. */
    static final List<String> HTTP_TECHNOLOGY = List.of(
            "jakarta.servlet..", "org.springframework.web..", "org.springframework.http..");

    private final String base;

    private LatchkeyRules(String base) {
        this.base = base;
    }

    /** The rules for the layering under {@code base} ({@code base.domain}, {@code base.application}, ...). */
    public static LatchkeyRules forBase(String base) {
        return new LatchkeyRules(base);
    }

    public String base() {
        return base;
    }

    // ---- the packages (ArchUnit patterns) ---------------------------------------------------------------

    public String everything() {
        return base + "..";
    }

    public String domain() {
        return base + ".domain..";
    }

    public String application() {
        return base + ".application..";
    }

    public String portIn() {
        return base + ".application.port.in..";
    }

    public String portOut() {
        return base + ".application.port.out..";
    }

    public String services() {
        return base + ".application.service..";
    }

    public String persistence() {
        return base + ".persistence..";
    }

    public String web() {
        return base + ".web..";
    }

    public String dashboard() {
        return base + ".dashboard..";
    }

    public String app() {
        return base + ".app..";
    }

    /** One pattern per module (application split into its three parts). */
    public List<String> modulePackages() {
        return List.of(domain(), portIn(), portOut(), services(), persistence(), web(), dashboard(), app());
    }

    /** Every rule, by a short stable name. */
    public Map<String, GuardedRule> all() {
        Map<String, GuardedRule> rules = new LinkedHashMap<>();
        rules.put("domainDependsOnlyOnJdk", domainDependsOnlyOnJdk());
        rules.put("applicationIsFrameworkFree", applicationIsFrameworkFree());
        rules.put("adaptersDoNotDependOnEachOther", adaptersDoNotDependOnEachOther());
        rules.put("adaptersUseApplicationOnlyThroughPorts", adaptersUseApplicationOnlyThroughPorts());
        rules.put("persistenceTechnologyStaysInPersistence", persistenceTechnologyStaysInPersistence());
        rules.put("templateTechnologyStaysInDashboard", templateTechnologyStaysInDashboard());
        rules.put("httpTechnologyStaysInWebAdapters", httpTechnologyStaysInWebAdapters());
        rules.put("inboundPortsAreUseCases", inboundPortsAreUseCases());
        rules.put("useCasesAreImplementedByServices", useCasesAreImplementedByServices());
        rules.put("outboundPortsLiveInPortOut", outboundPortsLiveInPortOut());
        rules.put("mapperMeansMyBatisMapper", mapperMeansMyBatisMapper());
        rules.put("modulesAreFreeOfCycles", modulesAreFreeOfCycles());
        rules.put("applicationIsFreeOfCycles", applicationIsFreeOfCycles());
        rules.put("domainIsFreeOfCycles", domainIsFreeOfCycles());
        rules.put("domainTypesAreNotSerialisedDirectly", domainTypesAreNotSerialisedDirectly());
        return rules;
    }

    // ---- dependency direction ---------------------------------------------------------------------------

    /**
     * The JDK, less JDBC (java.sql is persistence technology even though it ships with the JDK), plus the JDK's
     * cryptography (javax.crypto: HMAC for request signatures).
     */
    private static DescribedPredicate<JavaClass> jdkWithoutJdbc() {
        return resideInAnyPackage("java..", "javax.crypto..").and(not(resideInAPackage("java.sql..")))
                .as("the JDK (java.. and javax.crypto.., but not java.sql..)");
    }

    /** Allow-list: the domain uses the JDK and itself, nothing else. */
    public GuardedRule domainDependsOnlyOnJdk() {
        return GuardedRule.of("the domain depends only on the JDK (java.. and javax.crypto.., not java.sql) and on itself",
                List.of(domain()),
                classes().that().resideInAPackage(domain())
                        .should().onlyDependOnClassesThat(jdkWithoutJdbc().or(resideInAPackage(domain()))
                                .as("are in the JDK (not java.sql) or in %s", domain())));
    }

    /** Allow-list: the application (ports and services) uses the JDK, the domain and itself; no framework. */
    public GuardedRule applicationIsFrameworkFree() {
        return GuardedRule.of("the application depends only on the JDK, the domain and itself "
                        + "(no Spring, MyBatis, servlet, Jackson, JDBC, ...)",
                List.of(portIn(), portOut(), services()),
                classes().that().resideInAPackage(application())
                        .should().onlyDependOnClassesThat(jdkWithoutJdbc()
                                .or(resideInAnyPackage(domain(), application()))
                                .as("are in the JDK (not java.sql), in %s or in %s", domain(), application())));
    }

    /** Persistence, web and dashboard never use one another, nor app (app uses them, not the reverse). */
    public GuardedRule adaptersDoNotDependOnEachOther() {
        return GuardedRule.of("the adapters (persistence, web, dashboard) depend neither on each other nor on app",
                List.of(persistence(), web(), dashboard(), app()),
                adapterDoesNotUse(persistence(), web(), dashboard(), app()),
                adapterDoesNotUse(web(), persistence(), dashboard(), app()),
                adapterDoesNotUse(dashboard(), persistence(), web(), app()));
    }

    private static ArchRule adapterDoesNotUse(String adapter, String... others) {
        return noClasses().that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(others);
    }

    /** Adapters reach the application only through its ports (port.in / port.out), never its services. */
    public GuardedRule adaptersUseApplicationOnlyThroughPorts() {
        DescribedPredicate<JavaClass> applicationBeyondPorts = resideInAPackage(application())
                .and(not(resideInAnyPackage(portIn(), portOut())))
                .as("reside in %s but outside of %s and %s", application(), portIn(), portOut());
        return GuardedRule.of("the adapters use the application only through port.in and port.out "
                        + "(never application.service)",
                List.of(persistence(), web(), dashboard(), portIn(), portOut(), services()),
                noClasses().that().resideInAnyPackage(persistence(), web(), dashboard())
                        .should().dependOnClassesThat(applicationBeyondPorts));
    }

    // ---- technology confined to its adapter -----------------------------------------------------------

    /** MyBatis, JDBC and Liquibase only in the persistence adapter (and app). */
    public GuardedRule persistenceTechnologyStaysInPersistence() {
        return technologyOnlyIn("MyBatis / JDBC / Liquibase", PERSISTENCE_TECHNOLOGY, persistence(), app());
    }

    /** Thymeleaf only in the dashboard (and app). */
    public GuardedRule templateTechnologyStaysInDashboard() {
        return technologyOnlyIn("Thymeleaf", TEMPLATE_TECHNOLOGY, dashboard(), app());
    }

    /** Servlet API and Spring Web / HTTP only in web, dashboard (and app). */
    public GuardedRule httpTechnologyStaysInWebAdapters() {
        return technologyOnlyIn("Servlet / Spring Web", HTTP_TECHNOLOGY, web(), dashboard(), app());
    }

    private GuardedRule technologyOnlyIn(String technology, List<String> technologyPackages, String... allowedIn) {
        List<String> required = new ArrayList<>(List.of(allowedIn));
        for (String module : modulePackages()) {
            if (!required.contains(module)) {
                required.add(module);
            }
        }
        return GuardedRule.of(technology + " " + technologyPackages + " is used only in " + List.of(allowedIn),
                required,
                noClasses().that().resideInAPackage(everything()).and().resideOutsideOfPackages(allowedIn)
                        .should().dependOnClassesThat().resideInAnyPackage(technologyPackages.toArray(String[]::new)));
    }

    // ---- naming --------------------------------------------------------------------------------------

    /**
     * Inbound ports: the top-level interfaces of port.in are use cases ({@code *UseCase}), except the
     * {@code Caller}; and every {@code *UseCase} interface is an inbound port.
     */
    public GuardedRule inboundPortsAreUseCases() {
        return GuardedRule.of(
                "port.in interfaces are *UseCase (or the Caller), and *UseCase interfaces live in port.in",
                List.of(portIn()),
                classes().that().resideInAPackage(portIn()).and().areInterfaces().and().areTopLevelClasses()
                        .should().haveSimpleNameEndingWith("UseCase").orShould().haveSimpleName("Caller"),
                classes().that().resideInAPackage(everything()).and().areInterfaces()
                        .and().haveSimpleNameEndingWith("UseCase")
                        .should().resideInAPackage(portIn()));
    }

    /**
     * Use cases are implemented by {@code *Service} classes in application.service, and every {@code *Service}
     * there implements a use case.
     */
    public GuardedRule useCasesAreImplementedByServices() {
        DescribedPredicate<JavaClass> useCase = resideInAPackage(portIn())
                .and(JavaClass.Predicates.INTERFACES)
                .and(simpleNameEndingWith("UseCase"))
                .as("a *UseCase in %s", portIn());
        return GuardedRule.of("use cases are implemented by *Service classes in application.service, "
                        + "and each *Service there implements a use case",
                List.of(portIn(), services()),
                classes().that().resideInAPackage(everything()).and().areNotInterfaces()
                        .and(assignableTo(useCase).as("implement a *UseCase"))
                        .should().resideInAPackage(services()).andShould().haveSimpleNameEndingWith("Service"),
                classes().that().resideInAPackage(services()).and().areNotInterfaces()
                        .and().haveSimpleNameEndingWith("Service")
                        .should().beAssignableTo(useCase));
    }

    /** Outbound ports ({@code *Repository}, {@code *Port} interfaces) live in port.out. */
    public GuardedRule outboundPortsLiveInPortOut() {
        return GuardedRule.of("*Repository and *Port interfaces are outbound ports in port.out",
                List.of(portOut()),
                classes().that().resideInAPackage(everything()).and().areInterfaces()
                        .and(simpleNameEndingWith("Repository").or(simpleNameEndingWith("Port"))
                                .as("are named *Repository or *Port"))
                        .should().resideInAPackage(portOut()));
    }

    /**
     * "Mapper" means a MyBatis SQL interface only: {@code @Mapper} interfaces are named {@code *Mapper} and live
     * in persistence; a type named {@code *Mapper} is a {@code @Mapper} interface.
     */
    public GuardedRule mapperMeansMyBatisMapper() {
        return GuardedRule.of("@Mapper interfaces are *Mapper in persistence, and *Mapper types are @Mapper interfaces",
                List.of(persistence()),
                classes().that().resideInAPackage(everything()).and().areMetaAnnotatedWith(MYBATIS_MAPPER)
                        .should().beInterfaces()
                        .andShould().haveSimpleNameEndingWith("Mapper")
                        .andShould().resideInAPackage(persistence()),
                classes().that().resideInAPackage(everything()).and().haveSimpleNameEndingWith("Mapper")
                        .should().beInterfaces().andShould().beMetaAnnotatedWith(MYBATIS_MAPPER));
    }

    // ---- cycles --------------------------------------------------------------------------------------

    /** No cycles between the top-level slices (domain, application, persistence, web, dashboard, app). */
    public GuardedRule modulesAreFreeOfCycles() {
        return GuardedRule.of("no cycles between the top-level packages " + base + ".(*)",
                modulePackages(),
                slices().matching(base + ".(*)..").should().beFreeOfCycles());
    }

    /** No cycles between the packages of the application (port.in, port.out, service, service.*). */
    public GuardedRule applicationIsFreeOfCycles() {
        return GuardedRule.of("no cycles between the packages of " + base + ".application",
                List.of(portIn(), portOut(), services()),
                slices().matching(base + ".application.(**)").should().beFreeOfCycles());
    }

    /** No cycles between the packages of the domain (common, apikey, workspace, user, ...). */
    public GuardedRule domainIsFreeOfCycles() {
        return GuardedRule.of("no cycles between the packages of " + base + ".domain",
                List.of(domain()),
                slices().matching(base + ".domain.(**)").should().beFreeOfCycles());
    }

    // ---- domain types never serialised directly ------------------------------------------------------------

    /**
     * Domain types never go to or come from JSON directly: JSON endpoints ({@code @ResponseBody}, which includes
     * {@code @RestController} and {@code @RestControllerAdvice}) in web and dashboard neither return domain types
     * (also not inside generics such as {@code List<ApiKey>}) nor take them as {@code @RequestBody}; and the state
     * of the API's {@code *Request} / {@code *Response} types in web holds no domain type.
     */
    public GuardedRule domainTypesAreNotSerialisedDirectly() {
        ArchRule endpoints = methods().that(areJsonEndpointMethods())
                .should(notExposeDomainTypes());
        ArchRule payloads = fields().that(areStateOfApiPayloadTypes())
                .should(notHaveDomainTypes());
        return GuardedRule.of("domain types are never serialised directly (JSON endpoints and API request/response "
                        + "types use their own types)",
                List.of(web(), domain()),
                endpoints, payloads);
    }

    private DescribedPredicate<JavaMethod> areJsonEndpointMethods() {
        return DescribedPredicate.describe("are public methods of JSON endpoints (@ResponseBody) in "
                + web() + " or " + dashboard(), method -> {
            JavaClass owner = method.getOwner();
            Set<JavaModifier> modifiers = method.getModifiers();
            return PackageMatchers.of(web(), dashboard()).test(owner.getPackageName())
                    && modifiers.contains(JavaModifier.PUBLIC)
                    && !modifiers.contains(JavaModifier.STATIC)
                    && !modifiers.contains(JavaModifier.SYNTHETIC)
                    && !modifiers.contains(JavaModifier.BRIDGE)
                    && (owner.isMetaAnnotatedWith(RESPONSE_BODY) || method.isMetaAnnotatedWith(RESPONSE_BODY));
        });
    }

    private DescribedPredicate<JavaField> areStateOfApiPayloadTypes() {
        return DescribedPredicate.describe("are instance fields of *Request / *Response types in " + web(), field -> {
            JavaClass owner = field.getOwner();
            String name = owner.getSimpleName();
            return PackageMatchers.of(web()).test(owner.getPackageName())
                    && (name.endsWith("Request") || name.endsWith("Response"))
                    && !field.getModifiers().contains(JavaModifier.STATIC)
                    && !field.getModifiers().contains(JavaModifier.SYNTHETIC);
        });
    }

    private ArchCondition<JavaMethod> notExposeDomainTypes() {
        return new ArchCondition<>("neither return domain types (" + domain() + ") nor take them as @RequestBody") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Set<String> returned = domainTypesIn(method.getReturnType());
                if (!returned.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(method, "Method <" + method.getFullName()
                            + "> returns domain type(s) " + returned + " in " + method.getSourceCodeLocation()));
                }
                for (JavaParameter parameter : method.getParameters()) {
                    if (parameter.isMetaAnnotatedWith(REQUEST_BODY)) {
                        Set<String> bound = domainTypesIn(parameter.getType());
                        if (!bound.isEmpty()) {
                            events.add(SimpleConditionEvent.violated(method, "Method <" + method.getFullName()
                                    + "> takes domain type(s) " + bound + " as @RequestBody in "
                                    + method.getSourceCodeLocation()));
                        }
                    }
                }
            }
        };
    }

    private ArchCondition<JavaField> notHaveDomainTypes() {
        return new ArchCondition<>("not hold domain types (" + domain() + ")") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                Set<String> held = domainTypesIn(field.getType());
                if (!held.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(field, "Field <" + field.getFullName()
                            + "> holds domain type(s) " + held + " in " + field.getSourceCodeLocation()));
                }
            }
        };
    }

    /** The domain types involved in {@code type}, including type arguments and array components. */
    private Set<String> domainTypesIn(JavaType type) {
        DescribedPredicate<String> inDomain = PackageMatchers.of(domain());
        Set<String> found = new TreeSet<>();
        for (JavaClass involved : type.getAllInvolvedRawTypes()) {
            JavaClass component = involved.getBaseComponentType();
            if (inDomain.test(component.getPackageName())) {
                found.add(component.getName());
            }
        }
        return found;
    }
}
