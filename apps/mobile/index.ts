import { registerRootComponent } from "expo";
// Background tasks must be defined at module scope, before the app renders (expo-task-manager).
import "./src/location/define-tracking-task";
import { App } from "./src/app";

registerRootComponent(App);
