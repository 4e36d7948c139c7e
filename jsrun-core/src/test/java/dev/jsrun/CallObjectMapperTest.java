package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * {@link JsRuntime#call} with records, POJOs and generic types, through Jackson 3 (on
 * this module's test class path, so the default runtime detects it), in real V8.
 */
class CallObjectMapperTest {

    enum Status {

        OPEN, PAID

    }

    record Line(String item, int quantity, double price) {
    }

    record Invoice(String id, Status status, Instant issued, List<Line> lines, Optional<String> note) {
    }

    /**
     * A POJO with what Jackson users write: getters, a renamed property, an ignored one.
     */
    public static final class Customer {

        private String name;

        private int visits;

        private String secret = "hidden";

        public Customer() {
        }

        Customer(String name, int visits) {
            this.name = name;
            this.visits = visits;
        }

        public String getName() {
            return this.name;
        }

        public void setName(String name) {
            this.name = name;
        }

        @JsonProperty("visit_count")
        public int getVisits() {
            return this.visits;
        }

        @JsonProperty("visit_count")
        public void setVisits(int visits) {
            this.visits = visits;
        }

        @JsonIgnore
        public String getSecret() {
            return this.secret;
        }

    }

    public static final class Node {

        public String name = "n";

        public Node next;

    }

    public static final class Unloaded {

        public String getName() {
            throw new IllegalStateException("not loaded");
        }

    }

    public static final class WithCallback {

        public String name = "w";

        public Runnable callback = () -> {
        };

    }

    private static final Invoice INVOICE = new Invoice("A-1", Status.OPEN, Instant.parse("2026-12-02T08:00:00Z"),
            List.of(new Line("pen", 2, 1.5), new Line("ink", 1, 0.1)), Optional.empty());

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static JsRuntime runtime() {
        JsRuntime js = factory.create();
        js.eval("""
                globalThis.id = v => v;
                globalThis.total = invoice => invoice.lines.reduce((sum, l) => sum + l.quantity * l.price, 0);
                globalThis.paid = invoice => ({ ...invoice, status: 'PAID', note: 'thanks' });
                globalThis.split = invoice => invoice.lines.map(l => ({ ...invoice, id: invoice.id + '/' + l.item,
                  lines: [l] }));
                globalThis.byItem = invoice => Object.fromEntries(invoice.lines.map(l => [l.item, l]));
                globalThis.later = invoice => Promise.resolve().then(() => paid(invoice));
                """);
        return js;
    }

    @Test
    void theDefaultRuntimeUsesJacksonWhenItIsOnTheClassPath() {
        assertThat(RuntimeConfig.defaults().objectMapper()).get().hasToString("Jackson JsonMapper.shared()");
        assertThat(DetectedObjectMapper.jacksonVisible(getClass().getClassLoader())).isTrue();
        ClassLoader withoutJackson = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        assertThat(DetectedObjectMapper.jacksonVisible(withoutJackson)).isFalse();
    }

    @Test
    void recordsAndPojosCrossAsJacksonWritesThemAsJson() throws Exception {
        Assumptions.assumeTrue(NodeJson.available(), "node is not installed");
        JsonMapper json = JsonMapper.shared();
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("customer", new Customer("Ada", 3));
        nested.put("invoices", List.of(INVOICE));
        Object[] values = { INVOICE, new Customer("Ada", 3), nested, List.of(new Line("x", 0, -0.5)),
                Optional.of(new Customer("Bo", 0)) };
        List<String> expressions = new ArrayList<>();
        for (Object value : values) {
            // Jackson's JSON text is a JavaScript expression of the same value
            expressions.add(json.writeValueAsString(value));
        }
        List<String> expected = NodeJson.stringify(expressions);
        try (JsRuntime js = runtime()) {
            for (int i = 0; i < values.length; i++) {
                assertThat(js.call("JSON.stringify", String.class, values[i])).as(expressions.get(i))
                    .isEqualTo(expected.get(i));
            }
            assertThat(js.call("total", Double.class, INVOICE)).isEqualTo(3.1);
        }
    }

    @Test
    void resultsBecomeRecordsPojosAndGenericTypes() {
        try (JsRuntime js = runtime()) {
            Invoice paid = js.call("paid", Invoice.class, INVOICE);
            assertThat(paid)
                .isEqualTo(new Invoice("A-1", Status.PAID, INVOICE.issued(), INVOICE.lines(), Optional.of("thanks")));
            Customer customer = js.call("id", Customer.class, new Customer("Ada", 3));
            assertThat(customer.getName()).isEqualTo("Ada");
            assertThat(customer.getVisits()).isEqualTo(3);
            List<Invoice> parts = js.call("split", new JsType<List<Invoice>>() {
            }, INVOICE);
            assertThat(parts).extracting(Invoice::id).containsExactly("A-1/pen", "A-1/ink");
            assertThat(parts.get(1).lines()).containsExactly(new Line("ink", 1, 0.1));
            Map<String, Line> byItem = js.call("byItem", new JsType<Map<String, Line>>() {
            }, INVOICE);
            assertThat(byItem).containsOnlyKeys("pen", "ink").containsEntry("pen", new Line("pen", 2, 1.5));
            assertThat(js.call("id", JsType.of(Line.class), new Line("a", 1, 2))).isEqualTo(new Line("a", 1, 2));
            assertThat(js.call("id", new Line[0].getClass(), List.of(new Line("a", 1, 2))))
                .containsExactly(new Line("a", 1, 2));
            assertThat(js.eval("({ item: 'e', quantity: 5, price: 1 })", Line.class)).isEqualTo(new Line("e", 5, 1));
        }
    }

    @Test
    void theJdksTypesKeepJsrunsRulesRatherThanJacksonsCoercions() {
        try (JsRuntime js = runtime()) {
            assertThatThrownBy(() -> js.eval("'42'", Integer.class)).isInstanceOf(JsConversionException.class);
            assertThatThrownBy(() -> js.call("id", new JsType<List<String>>() {
            }, "a,b")).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("cannot be converted to java.util.List<java.lang.String>");
            assertThatThrownBy(() -> js.call("id", Line.class, "pen")).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("'pen' (string) cannot be converted to dev.jsrun.CallObjectMapperTest$Line");
        }
    }

    @Test
    void callAsyncConvertsTheSettledValue() throws Exception {
        try (JsRuntime js = runtime()) {
            assertThat(js.callAsync("later", Invoice.class, INVOICE).get(5, TimeUnit.SECONDS).status())
                .isEqualTo(Status.PAID);
            assertThat(js.callAsync("split", new JsType<List<Invoice>>() {
            }, INVOICE).get(5, TimeUnit.SECONDS)).hasSize(2)
                .allSatisfy(part -> assertThat(part).isInstanceOf(Invoice.class));
            assertThatThrownBy(() -> js.callAsync("later", Integer.class, INVOICE).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(JsConversionException.class);
        }
    }

    @Test
    void cyclesAndFunctionsInsidePojosAreRefused() {
        try (JsRuntime js = runtime()) {
            Node self = new Node();
            self.next = self;
            assertThatThrownBy(() -> js.call("id", Map.of("node", self))).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("id(): argument 1 of 1 cannot cross to JavaScript: at $.node: the object mapper")
                .hasMessageContaining("cycle");
            Node a = new Node();
            Node b = new Node();
            a.next = b;
            b.next = a;
            assertThatThrownBy(() -> js.call("id", a)).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("cannot write a dev.jsrun.CallObjectMapperTest$Node");
            assertThatThrownBy(() -> js.call("id", new WithCallback())).isInstanceOf(JsConversionException.class)
                .hasMessageContaining("is a function, and functions cannot cross to JavaScript");
            assertThatThrownBy(() -> js.call("id", List.of(Map.of("customer", new Unloaded()))))
                .isInstanceOf(JsConversionException.class)
                .hasMessageContaining(
                        "id(): argument 1 of 1 cannot cross to JavaScript: at $[0].customer: the object " + "mapper")
                .hasMessageContaining("not loaded");
            assertThat(js.call("id", 1)).isEqualTo(1);
        }
    }

    @Test
    void theApplicationsJsonMapperDecides() {
        JsonMapper snake = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        record Person(String firstName, int shoeSize) {
        }
        try (JsRuntimeFactory custom = new UnpooledJsRuntimeFactory(
                RuntimeConfig.builder().objectMapper(new JacksonObjectMapper(snake)).build());
                JsRuntime js = custom.create()) {
            js.eval("globalThis.grow = p => ({ ...p, shoe_size: p.shoe_size + 1 });");
            assertThat(js.call("Object.keys", new Person("Ada", 38))).isEqualTo(List.of("first_name", "shoe_size"));
            assertThat(js.call("grow", Person.class, new Person("Ada", 38))).isEqualTo(new Person("Ada", 39));
        }
    }

}
