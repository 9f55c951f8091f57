package dev.latchkey.domain.apikey;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code resource:action} of lower-case letters, digits, '_' and '-' (PRODUCT.md §1). */
class ScopeProperties {

    @Provide
    Arbitrary<String> part() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_', '-')
                .ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> validScope() {
        return Combinators.combine(part(), part()).as((resource, action) -> resource + ":" + action);
    }

    /** Characters a scope may not contain: whitespace, other punctuation, look-alikes of allowed letters. */
    @Provide
    Arbitrary<Character> notAllowed() {
        return Arbitraries.of(' ', '\t', '\n', '\u00A0', '.', '/', '*', ':', '+', 'é', 'ſ', '\u212A', 'ａ', '０');
    }

    @Property
    void wellFormedScopesAreAccepted(@ForAll("part") String resource, @ForAll("part") String action) {
        String value = resource + ":" + action;

        assertThat(Scope.isValid(value)).isTrue();
        Scope scope = new Scope(value);
        assertThat(scope.value()).isEqualTo(value);
        assertThat(scope.resource()).isEqualTo(resource);
        assertThat(scope.action()).isEqualTo(action);
        assertThat(scope).hasToString(value);
    }

    @Property
    void anUpperCaseLetterAnywhereIsRejected(@ForAll("validScope") String valid,
                                             @ForAll @CharRange(from = 'A', to = 'Z') char upper,
                                             @ForAll @IntRange(min = 0, max = 200) int at) {
        int position = at % (valid.length() + 1);
        String value = valid.substring(0, position) + upper + valid.substring(position);

        assertRejected(value);
    }

    @Property
    void whitespaceOrOtherPunctuationAnywhereIsRejected(
            @ForAll("validScope") String valid,
            @ForAll("notAllowed") char bad,
            @ForAll @IntRange(min = 0, max = 200) int at) {
        int position = at % (valid.length() + 1);
        String value = valid.substring(0, position) + bad + valid.substring(position);

        assertRejected(value);
    }

    @Property
    void withoutAColonOrWithAnEmptySideIsRejected(@ForAll("part") String part) {
        assertRejected(part);
        assertRejected(part + ":");
        assertRejected(":" + part);
    }

    @Property
    void aSideLongerThan64IsRejected(@ForAll("part") String other,
                                     @ForAll @IntRange(min = 65, max = 300) int length) {
        String tooLong = "a".repeat(length);

        assertRejected(tooLong + ":" + other);
        assertRejected(other + ":" + tooLong);
    }

    @Property
    void orderIsTheStringOrder(@ForAll("validScope") String a, @ForAll("validScope") String b) {
        assertThat(Integer.signum(new Scope(a).compareTo(new Scope(b)))).isEqualTo(Integer.signum(a.compareTo(b)));
    }

    private static void assertRejected(String value) {
        assertThat(Scope.isValid(value)).as("isValid(%s)", value).isFalse();
        assertThatThrownBy(() -> new Scope(value)).as("new Scope(%s)", value)
                .isInstanceOf(IllegalArgumentException.class);
    }
}
