import { useMemo, useRef, useState } from "react";
import { PanResponder, StyleSheet, View, type LayoutChangeEvent } from "react-native";
import Svg, { Path } from "react-native-svg";
import { strokesToPath, type Stroke } from "../lib/signature-png";
import { colors } from "./theme";

// Finger (or mouse, on the web export) drawing: PanResponder collects points, react-native-svg shows them. The
// transparent layer on top takes the touches so locationX/Y are always relative to the pad.
export function SignaturePad({ strokes, onChange, onLayoutSize }: { strokes: Stroke[]; onChange: (s: Stroke[]) => void; onLayoutSize: (w: number, h: number) => void }) {
  const current = useRef<Stroke[]>(strokes);
  current.current = strokes;
  const [, force] = useState(0);
  const responder = useMemo(
    () =>
      PanResponder.create({
        onStartShouldSetPanResponder: () => true,
        onMoveShouldSetPanResponder: () => true,
        onPanResponderTerminationRequest: () => false,
        onPanResponderGrant: (e) => {
          onChange([...current.current, [{ x: e.nativeEvent.locationX, y: e.nativeEvent.locationY }]]);
          force((n) => n + 1);
        },
        onPanResponderMove: (e) => {
          const all = current.current.slice();
          const last = all[all.length - 1] ?? [];
          all[all.length - 1] = [...last, { x: e.nativeEvent.locationX, y: e.nativeEvent.locationY }];
          onChange(all);
        },
      }),
    [onChange],
  );
  const layout = (e: LayoutChangeEvent) => onLayoutSize(e.nativeEvent.layout.width, e.nativeEvent.layout.height);
  return (
    <View style={styles.pad} onLayout={layout} testID="signature-pad">
      <Svg style={StyleSheet.absoluteFill} pointerEvents="none">
        <Path d={strokesToPath(strokes)} stroke={colors.text} strokeWidth={3} fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </Svg>
      <View style={StyleSheet.absoluteFill} {...responder.panHandlers} />
    </View>
  );
}

const styles = StyleSheet.create({
  pad: { height: 180, borderWidth: 2, borderColor: colors.border, borderStyle: "dashed", borderRadius: 12, backgroundColor: "#fff", overflow: "hidden" },
});
