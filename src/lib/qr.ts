import QRCode from 'qrcode';

/**
 * A QR code for a URL as inline SVG (vector: sharp at any print size), drawn at build time.
 * Error correction M survives a scuffed printout.
 */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}
