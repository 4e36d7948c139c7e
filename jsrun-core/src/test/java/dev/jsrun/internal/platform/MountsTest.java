package dev.jsrun.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class MountsTest {

    private static final List<String> MOUNT_INFO = List.of("22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "25 22 0:23 / /dev/shm rw,nosuid,nodev,noexec,relatime shared:2 - tmpfs tmpfs rw",
            "26 22 0:24 / /tmp rw,nosuid,nodev,noexec shared:3 - tmpfs tmpfs rw",
            "27 26 0:25 / /tmp/exec rw,relatime - tmpfs tmpfs rw",
            "28 22 0:26 / /opt/my\\040apps ro,noexec - ext4 /dev/sdb1 ro");

    @Test
    void theDeepestMountAboveThePathDecides() {
        assertThat(Mounts.noexec(Path.of("/var/lib/app/lib.so"), MOUNT_INFO)).isFalse();
        assertThat(Mounts.noexec(Path.of("/tmp/jsrun-native-app/lib.so"), MOUNT_INFO)).isTrue();
        assertThat(Mounts.noexec(Path.of("/tmp/exec/lib.so"), MOUNT_INFO)).isFalse();
        assertThat(Mounts.noexec(Path.of("/tmp/executable/lib.so"), MOUNT_INFO)).as("a sibling, not below /tmp/exec")
            .isTrue();
        assertThat(Mounts.noexec(Path.of("/dev/shm"), MOUNT_INFO)).isTrue();
        assertThat(Mounts.noexec(Path.of("/opt/my apps/natives/lib.so"), MOUNT_INFO)).as("escaped space").isTrue();
    }

    @Test
    void anUnreadableTableOrPathIsNotNoexec() {
        assertThat(Mounts.noexec(Path.of("/no/such/path"))).isFalse();
        assertThat(Mounts.noexec(Path.of("/"), List.of("garbage"))).isFalse();
    }

}
