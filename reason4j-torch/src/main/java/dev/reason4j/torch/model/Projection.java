package dev.reason4j.torch.model;

/** The linear maps of a decoder layer, under their Hugging Face module names. */
public enum Projection {
    Q("self_attn.q_proj"),
    K("self_attn.k_proj"),
    V("self_attn.v_proj"),
    O("self_attn.o_proj"),
    GATE("mlp.gate_proj"),
    UP("mlp.up_proj"),
    DOWN("mlp.down_proj");

    private final String module;

    Projection(String module) {
        this.module = module;
    }

    /** The module path inside a layer, e.g. {@code self_attn.q_proj}. */
    public String module() {
        return module;
    }

    /** The short name adapters target, e.g. {@code q_proj}. */
    public String shortName() {
        return module.substring(module.indexOf('.') + 1);
    }

    /** The projection with short name {@code name} ({@code q_proj}, …, {@code down_proj}). */
    public static Projection byShortName(String name) {
        for (Projection p : values()) {
            if (p.shortName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown projection '" + name + "'");
    }
}
