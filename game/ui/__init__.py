"""The pygame game: screens that read the simulation, send actions through its one door, and animate."""
