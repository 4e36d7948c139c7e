package dev.jsrun.autoconfigure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import dev.jsrun.JsRuntime;
import dev.jsrun.JsRuntimeFactory;
import dev.jsrun.engine.V8Process;

/**
 * A Spring Boot application started in a JVM of its own, since V8's native library loads
 * once per JVM: it prints {@code STARTED <result> flags: <V8 flags>} after one eval, or
 * Spring Boot's failure banner.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class NativeLibraryApp {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(NativeLibraryApp.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(args);
                JsRuntime js = context.getBean(JsRuntimeFactory.class).acquire()) {
            System.out.println("STARTED " + js.eval("6 * 7") + " flags: " + V8Process.flags());
        }
    }

}
