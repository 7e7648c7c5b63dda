import * as ImageManipulator from "expo-image-manipulator";
import * as ImagePicker from "expo-image-picker";
import { base64ToBytes } from "./base64";

const MAX_SIDE = 1280;

export type PickedPhoto = { bytes: Uint8Array; previewUri: string };

// Camera or gallery → at most 1280 px on the long side, JPEG at 0.6: a few hundred KB that go up on 3G.
export async function pickPhoto(source: "camera" | "library"): Promise<PickedPhoto | null> {
  if (source === "camera") {
    const permission = await ImagePicker.requestCameraPermissionsAsync();
    if (!permission.granted) throw new Error("Necesitamos permiso para usar la cámara.");
  }
  const options: ImagePicker.ImagePickerOptions = { mediaTypes: ["images"], quality: 0.8 };
  const result = source === "camera" ? await ImagePicker.launchCameraAsync(options) : await ImagePicker.launchImageLibraryAsync(options);
  const asset = result.canceled ? null : result.assets[0];
  if (!asset) return null;
  const longSide = Math.max(asset.width, asset.height);
  const resize = longSide > MAX_SIDE ? [{ resize: asset.width >= asset.height ? { width: MAX_SIDE } : { height: MAX_SIDE } }] : [];
  const out = await ImageManipulator.manipulateAsync(asset.uri, resize, { compress: 0.6, format: ImageManipulator.SaveFormat.JPEG, base64: true });
  if (!out.base64) throw new Error("No se pudo procesar la foto.");
  return { bytes: base64ToBytes(out.base64), previewUri: out.uri };
}
