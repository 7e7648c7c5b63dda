import { configure } from "@testing-library/react-native";

// A cold transform cache (first CI run) makes the first render slow: give findBy/waitFor room.
configure({ asyncUtilTimeout: 15_000 });
