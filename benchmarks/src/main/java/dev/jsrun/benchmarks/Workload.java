package dev.jsrun.benchmarks;

import java.util.Locale;

/**
 * One realistic call for {@link ThroughputBenchmark} and
 * {@link ScopedThroughputBenchmark}, with deterministic inputs generated here: rendering
 * a ~2 KB handlebars template with a model, {@code marked.parse} of a ~10 KB markdown
 * document, or {@code ts.transpileModule} of a ~4 KB TypeScript module. Every engine
 * first loads {@link #libraries()} and runs {@link #setup()} (in jsrun: inside the
 * snapshot) and then evaluates {@link #call()}, whose source carries the request's input
 * as a literal, as a request handler would pass it.
 */
enum Workload {

    HANDLEBARS {
        @Override
        String setup() {
            return "var renderPage = Handlebars.compile(" + quote(template()) + ");";
        }

        @Override
        String call() {
            return "renderPage(" + model() + ")";
        }

        @Override
        String expected() {
            return "<li class=\"item sale\">Item 19";
        }
    },

    MARKED {
        @Override
        String setup() {
            // marked keeps its rules behind a getter, which jsrun's walk does not call: a
            // data property shares them
            return "globalThis.markedRules = marked.Lexer.rules;";
        }

        @Override
        String call() {
            return "marked.parse(" + quote(markdown()) + ")";
        }

        @Override
        String expected() {
            return "<h2 id=\"section-12\">Section 12</h2>";
        }
    },

    TYPESCRIPT {
        @Override
        Scenario libraries() {
            return Scenario.HEAVY;
        }

        @Override
        String setup() {
            // the options object a build tool would create once and pass to every file
            return "var transpileOptions = { compilerOptions: { target: ts.ScriptTarget.ES2020,"
                    + " module: ts.ModuleKind.CommonJS, esModuleInterop: true }, fileName: 'orders.ts' };";
        }

        @Override
        String call() {
            return "ts.transpileModule(" + quote(typeScript()) + ", transpileOptions).outputText";
        }

        @Override
        String expected() {
            return "OrderStatus[OrderStatus[\"Shipped\"] = 2] = \"Shipped\"";
        }
    };

    /**
     * The libraries every engine loads before {@link #setup()}: lodash + handlebars +
     * marked unless noted.
     */
    Scenario libraries() {
        return Scenario.LIGHT;
    }

    abstract String setup();

    abstract String call();

    /** A piece of the call's result, to check that an engine really produced it. */
    abstract String expected();

    /**
     * A first call made before the snapshot is taken, so the template compiles and the
     * code is warm.
     */
    String warmUp() {
        return call() + ";";
    }

    String check(Object result) {
        if (!(result instanceof String text) || !text.contains(expected())) {
            String shown = String.valueOf(result);
            throw new IllegalStateException(
                    this + ": unexpected result: " + shown.substring(0, Math.min(300, shown.length())));
        }
        return text;
    }

    static Workload of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A product listing page, about 2 KB of template. */
    static String template() {
        return """
                <!DOCTYPE html>
                <html lang="{{lang}}">
                <head>
                  <meta charset="utf-8">
                  <title>{{title}} - {{shop.name}}</title>
                  <meta name="description" content="{{description}}">
                </head>
                <body class="{{#if user}}signed-in{{else}}anonymous{{/if}}">
                  <header>
                    <a class="logo" href="{{shop.url}}">{{shop.name}}</a>
                    {{#if user}}
                    <p class="greeting">Welcome back, {{user.firstName}} {{user.lastName}}!
                      You have {{user.points}} points.</p>
                    {{else}}
                    <p class="greeting"><a href="/login">Sign in</a> to collect points.</p>
                    {{/if}}
                    <nav>
                      <ul>
                        {{#each categories}}
                        <li{{#if active}} class="active"{{/if}}><a href="/c/{{slug}}">{{name}}</a></li>
                        {{/each}}
                      </ul>
                    </nav>
                  </header>
                  <main>
                    <h1>{{title}}</h1>
                    <p class="summary">{{items.length}} products, sorted by {{sort}}.</p>
                    <ul class="items">
                      {{#each items}}
                      <li class="item{{#if onSale}} sale{{/if}}">{{name}}
                        <span class="sku">SKU {{sku}}</span>
                        <span class="price">{{../currency}} {{price}}</span>
                        {{#if onSale}}<span class="badge">-{{discount}}%</span>{{/if}}
                        {{#unless inStock}}<span class="stock">Out of stock</span>{{/unless}}
                        <ul class="tags">{{#each tags}}<li>{{this}}</li>{{/each}}</ul>
                        <p class="blurb">{{{blurb}}}</p>
                      </li>
                      {{else}}
                      <li class="empty">Nothing here yet.</li>
                      {{/each}}
                    </ul>
                  </main>
                  <aside>
                    <h2>Recently viewed</h2>
                    <ol>
                      {{#each recent}}
                      <li><a href="/p/{{sku}}">{{name}}</a> ({{@index}})</li>
                      {{/each}}
                    </ol>
                  </aside>
                  <footer>
                    <p>&copy; {{year}} {{shop.name}}. All prices in {{currency}} include VAT.</p>
                    {{#with shop.address}}<address>{{street}}, {{zip}} {{city}}</address>{{/with}}
                  </footer>
                </body>
                </html>
                """;
    }

    /** The page's model as a JSON literal: 20 items, 8 categories, 5 recently viewed. */
    static String model() {
        StringBuilder json = new StringBuilder(4096);
        json.append(
                "{\"lang\":\"en\",\"title\":\"Winter teas & more\",\"description\":\"Loose-leaf teas <and> gifts\",")
            .append("\"sort\":\"popularity\",\"currency\":\"EUR\",\"year\":2025,")
            .append("\"shop\":{\"name\":\"Leaf & Cup\",\"url\":\"https://shop.example\",")
            .append("\"address\":{\"street\":\"Main Street 1\",\"zip\":\"1010\",\"city\":\"Vienna\"}},")
            .append("\"user\":{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"points\":1815},\"categories\":[");
        for (int i = 0; i < 8; i++) {
            json.append(i == 0 ? "" : ",")
                .append("{\"name\":\"Category ")
                .append(i)
                .append("\",\"slug\":\"cat-")
                .append(i)
                .append("\",\"active\":")
                .append(i == 3)
                .append('}');
        }
        json.append("],\"items\":[");
        for (int i = 0; i < 20; i++) {
            json.append(i == 0 ? "" : ",")
                .append("{\"name\":\"Item ")
                .append(i)
                .append("\",\"sku\":\"SKU-")
                .append(1000 + i * 7)
                .append("\",\"price\":\"")
                .append(3 + i % 9)
                .append('.')
                .append(10 + i * 3 % 90)
                .append("\",\"onSale\":")
                .append(i % 3 == 1)
                .append(",\"discount\":")
                .append(5 + i % 4 * 5)
                .append(",\"inStock\":")
                .append(i % 5 != 4)
                .append(",\"tags\":[\"tea\",\"t")
                .append(i % 4)
                .append("\"],\"blurb\":\"A <em>fine</em> blend no. ")
                .append(i)
                .append(" & friends.\"}");
        }
        json.append("],\"recent\":[");
        for (int i = 0; i < 5; i++) {
            json.append(i == 0 ? "" : ",")
                .append("{\"name\":\"Item ")
                .append(i * 3)
                .append("\",\"sku\":\"SKU-")
                .append(1000 + i * 21)
                .append("\"}");
        }
        return json.append("]}").toString();
    }

    /**
     * About 10 KB of GitHub-flavoured markdown: headings, paragraphs, lists, code, a
     * table, links.
     */
    static String markdown() {
        StringBuilder md = new StringBuilder(12_000);
        md.append(
                "# Release notes\n\nThis document is *generated* for the benchmark; it uses **most** of markdown.\n\n");
        for (int i = 1; md.length() < 10_000; i++) {
            md.append("## Section ")
                .append(i)
                .append("\n\n")
                .append("Paragraph ")
                .append(i)
                .append(" explains a change in `module-")
                .append(i)
                .append("` with a [link](https://example.org/")
                .append(i)
                .append(") and some _emphasis_. ")
                .append("Lines wrap\nacross the source but not the output, and entities like &amp; stay.\n\n");
            switch (i % 4) {
                case 0 -> md.append("- first point\n- second point with `code`\n  - nested point\n- third point\n\n");
                case 1 -> md.append("1. step one\n2. step two\n3. step **three**\n\n");
                case 2 ->
                    md.append("```java\nint answer = ").append(i).append(";\nSystem.out.println(answer);\n```\n\n");
                default -> md.append("| key | value |\n|-----|------:|\n| a | ")
                    .append(i)
                    .append(" |\n| b | ")
                    .append(i * 2)
                    .append(" |\n\n> A quote, with a line break  \n> and more.\n\n");
            }
        }
        return md.toString();
    }

    /**
     * An order service module, about 4 KB of TypeScript: imports, interfaces, a numeric
     * enum, generics, a class with parameter properties and private fields, async
     * methods, type guards, a namespace.
     */
    static String typeScript() {
        return """
                import { EventEmitter } from 'events';
                import type { Logger } from './logging';
                import * as money from './money';

                export enum OrderStatus { Draft, Placed, Shipped, Delivered, Cancelled }

                export type Currency = 'EUR' | 'USD' | 'GBP';

                export interface Money { readonly amount: number; readonly currency: Currency; }

                export interface OrderLine { sku: string; quantity: number; unitPrice: Money; discount?: number; }

                export interface Order {
                  id: string;
                  customerId: string;
                  status: OrderStatus;
                  lines: OrderLine[];
                  placedAt?: Date;
                  notes?: string | null;
                }

                export interface Repository<T extends { id: string }> {
                  find(id: string): Promise<T | undefined>;
                  save(entity: T): Promise<void>;
                  query(filter: Partial<T>, limit?: number): Promise<readonly T[]>;
                }

                type Handler<E> = (event: E) => void | Promise<void>;

                export class OrderError extends Error {
                  constructor(public readonly orderId: string, message: string, readonly cause?: unknown) {
                    super(`order ${orderId}: ${message}`);
                  }
                }

                function isPlaced(order: Order): order is Order & { placedAt: Date } {
                  return order.status === OrderStatus.Placed && order.placedAt instanceof Date;
                }

                export function lineTotal({ quantity, unitPrice, discount = 0 }: OrderLine): Money {
                  const gross = quantity * unitPrice.amount;
                  return { amount: Math.round(gross * (1 - discount / 100) * 100) / 100, currency: unitPrice.currency };
                }

                export class OrderService<O extends Order = Order> extends EventEmitter {
                  #handlers = new Map<OrderStatus, Handler<O>[]>();
                  private static readonly MAX_LINES: number = 200;

                  constructor(private readonly orders: Repository<O>, protected logger?: Logger) {
                    super();
                  }

                  on(status: OrderStatus, handler: Handler<O>): this;
                  on(event: string | symbol, listener: (...args: any[]) => void): this;
                  on(event: OrderStatus | string | symbol, listener: any): this {
                    if (typeof event === 'number') {
                      const list = this.#handlers.get(event) ?? [];
                      list.push(listener as Handler<O>);
                      this.#handlers.set(event, list);
                      return this;
                    }
                    return super.on(event, listener);
                  }

                  async total(id: string): Promise<Money> {
                    const order = await this.require(id);
                    const currency = order.lines[0]?.unitPrice.currency ?? 'EUR';
                    const amount = order.lines.map(lineTotal).reduce((sum, line) => money.add(sum, line.amount), 0);
                    return { amount, currency };
                  }

                  async place(id: string, notes?: string): Promise<O> {
                    const order = await this.require(id);
                    if (order.status !== OrderStatus.Draft) {
                      throw new OrderError(id, `cannot place an order that is ${OrderStatus[order.status]}`);
                    }
                    if (order.lines.length === 0 || order.lines.length > OrderService.MAX_LINES) {
                      throw new OrderError(id, `needs 1 to ${OrderService.MAX_LINES} lines`);
                    }
                    const placed = { ...order, status: OrderStatus.Placed, placedAt: new Date(), notes: notes ?? null };
                    await this.orders.save(placed);
                    await this.fire(placed);
                    return placed;
                  }

                  async ship(id: string): Promise<O> {
                    const order = await this.require(id);
                    if (!isPlaced(order)) {
                      throw new OrderError(id, 'only placed orders ship');
                    }
                    const shipped: O = { ...order, status: OrderStatus.Shipped };
                    await this.orders.save(shipped);
                    this.logger?.info(`shipped ${id} placed ${order.placedAt.toISOString()}`);
                    await this.fire(shipped);
                    return shipped;
                  }

                  async openOrders(customerId: string, limit = 50): Promise<O[]> {
                    const found = await this.orders.query({ customerId } as Partial<O>, limit);
                    return found.filter((order) => order.status < OrderStatus.Delivered);
                  }

                  private async require(id: string): Promise<O> {
                    const order = await this.orders.find(id);
                    if (!order) {
                      throw new OrderError(id, 'not found');
                    }
                    return order;
                  }

                  private async fire(order: O): Promise<void> {
                    for (const handler of this.#handlers.get(order.status) ?? []) {
                      try {
                        await handler(order);
                      } catch (err: unknown) {
                        this.logger?.error(`handler failed for ${order.id}`, err as Error);
                      }
                    }
                  }
                }

                export namespace Orders {
                  export const empty = (id: string, customerId: string): Order =>
                    ({ id, customerId, status: OrderStatus.Draft, lines: [] });
                  export function withLine<T extends Order>(order: T, line: OrderLine): T {
                    return { ...order, lines: [...order.lines, line] };
                  }
                }

                export default OrderService;
                """;
    }

    /** A JavaScript string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

}
