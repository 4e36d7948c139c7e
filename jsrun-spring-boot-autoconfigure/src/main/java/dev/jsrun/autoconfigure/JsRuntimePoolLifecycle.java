package dev.jsrun.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import dev.jsrun.pool.JsRuntimePool;

/**
 * Bounds the part of shutdown that waits for JavaScript: when the context stops, and
 * while the web server drains its requests, runtimes still borrowed after
 * {@code jsrun.pool.shutdown-timeout} have their scripts terminated, so requests stuck in
 * runaway scripts end and graceful shutdown can finish. Stops first and does not hold up
 * the other phases.
 */
class JsRuntimePoolLifecycle implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(JsRuntimePoolLifecycle.class);

    private final ObjectProvider<JsRuntimePool> pool;

    private volatile boolean running;

    JsRuntimePoolLifecycle(ObjectProvider<JsRuntimePool> pool) {
        this.pool = pool;
    }

    @Override
    public void start() {
        this.running = true;
    }

    @Override
    public void stop() {
        this.running = false;
    }

    @Override
    public void stop(Runnable callback) {
        this.running = false;
        JsRuntimePool pool = this.pool.getIfAvailable();
        if (pool == null) {
            callback.run();
            return;
        }
        Thread terminator = new Thread(() -> {
            try {
                pool.terminateBorrowedAfter(pool.settings().shutdownTimeout());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException ex) {
                logger.warn("Could not terminate the scripts of borrowed JavaScript runtimes", ex);
            }
        }, pool.settings().name() + "-shutdown");
        terminator.setDaemon(true);
        terminator.start();
        callback.run();
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

}
