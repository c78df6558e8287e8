package dev.reason4j.testbed.world;

import java.util.List;

/** The template families of the world, in a fixed order (the generator cycles through them). */
public final class Families {

    private static final List<Family> ALL = List.of(
            CollectionStories.family(),
            ShoppingStories.family(),
            AgeStories.family(),
            TravelStories.family(),
            PackingStories.family(),
            RecipeStories.family(),
            FactoryStories.family(),
            GardenStories.family(),
            SavingsStories.family(),
            TripStories.family(),
            ScreenTimeStories.family());

    private Families() {}

    static List<Family> all() {
        return ALL;
    }

    /** The families' names. */
    public static List<String> names() {
        return ALL.stream().map(Family::name).toList();
    }
}
