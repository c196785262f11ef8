/**
 * Gathers what the exporters need from the live view (engine, camera, names, colours, legend)
 * and produces the files: PNG, SVG, SWC (one file, or a zip with one per neuron), CSV tables.
 */
import * as THREE from 'three';
import type { User } from '../../api/users.ts';
import { drawOverlay } from '../../3d/export/canvas-overlay.ts';
import { connectorTableCsv, nodeTableCsv, type CsvSkeleton } from '../../3d/export/csv.ts';
import type { LegendModel } from '../../3d/export/legend-model.ts';
import { renderPng } from '../../3d/export/png-export.ts';
import { matrixProjector, niceScaleBar, type Projector } from '../../3d/export/projector.ts';
import { buildSvgFigure, type SvgVolume } from '../../3d/export/svg-document.ts';
import type { SvgNeuron } from '../../3d/export/svg-neurons.ts';
import { writeSwc } from '../../3d/export/swc.ts';
import { zipStored } from '../../3d/export/zip.ts';
import { unitRgb, type Rgb } from '../../3d/geometry/colour-modes.ts';
import type { ViewerEngine } from '../../3d/scene/viewer-engine.ts';
import type { ViewerHandle } from '../../3d/scene/viewer-handle.ts';
import type { ViewOptions } from './view-options.ts';

export interface ExportContext {
  engine: ViewerEngine;
  handle: ViewerHandle;
  names: ReadonlyMap<number, string>;
  users: ReadonlyMap<number, User>;
  legend: LegendModel;
  options: ViewOptions;
  /** Visible neurons in selection order. */
  skeletonIds: readonly number[];
  volumes: SvgVolume[];
  markers: Float32Array;
  source: string;
}

export type Background = 'transparent' | 'white' | 'black';

export interface FigureOptions {
  background: Background;
  scaleBar: boolean;
  legend: boolean;
}

const nameOf = (c: ExportContext, id: number) => c.names.get(id) ?? `skeleton ${id}`;

function loaded(c: ExportContext) {
  return c.skeletonIds.flatMap((id) => {
    const r = c.engine.model.bySkeleton.get(id);
    const style = c.engine.styleOf(id);
    return r && style && style.alpha > 0 ? [{ r, style }] : [];
  });
}

function liveCamera(c: ExportContext) {
  const cam = c.handle.camera;
  const renderer = c.handle.renderer;
  const scene = c.handle.scene;
  if (!cam || !renderer || !scene) throw new Error('the 3D view is not ready yet');
  cam.updateMatrixWorld();
  return { cam, renderer, scene };
}

function projectorFor(c: ExportContext, width: number, height: number): Projector {
  const { cam } = liveCamera(c);
  const m = new THREE.Matrix4().multiplyMatrices(cam.projectionMatrix, cam.matrixWorldInverse);
  const right = new THREE.Vector3().setFromMatrixColumn(cam.matrixWorld, 0).normalize();
  return matrixProjector(m.elements, width, height, right.toArray());
}

function targetOf(c: ExportContext): [number, number, number] {
  return c.handle.target ? c.handle.target.toArray() : [0, 0, 0];
}

export async function exportPng(c: ExportContext, width: number, f: FigureOptions): Promise<Blob> {
  const { cam, renderer, scene } = liveCamera(c);
  const canvas = renderer.domElement;
  const cssW = canvas.clientWidth || 1;
  const cssH = canvas.clientHeight || 1;
  const height = Math.round((width * cssH) / cssW);
  const scale = width / cssW;
  const projector = projectorFor(c, width, height);
  const bar = f.scaleBar ? niceScaleBar(projector.pxPerNm(...targetOf(c)), width / 6) : null;
  const ink = f.background === 'black' ? '#ffffff' : '#000000';
  return renderPng(renderer, scene, c.engine, cam, {
    width,
    height,
    background: f.background,
    lineWidth: Math.max(1, Math.round(scale)),
    pointScale: scale,
    overlay: (ctx) =>
      drawOverlay(ctx, {
        width,
        height,
        scale,
        ink,
        scaleBar: bar,
        legend: f.legend ? c.legend : null,
      }),
  });
}

export function exportSvg(c: ExportContext, f: FigureOptions): string {
  const canvas = liveCamera(c).renderer.domElement;
  const width = canvas.clientWidth || 800;
  const height = canvas.clientHeight || 600;
  const m = c.engine.model;
  const userRgb = new Map<number, Rgb>([...c.users.values()].map((u) => [u.id, unitRgb(u.color)]));
  const neurons: SvgNeuron[] = loaded(c).map(({ r, style }) => ({
    skeletonId: r.skeletonId,
    name: nameOf(c, r.skeletonId),
    detail: r.detail,
    strahler: r.strahler,
    creationTimes: c.engine.creationTimes.timesOf(r.skeletonId),
    reviewCodes: c.engine.reviewCodes.codesOf(r.skeletonId),
    rgb: style.rgb,
    opacity: style.alpha,
    somaIndex: c.options.showSomata ? r.detail.somaIndex : -1,
    somaRadiusNm: m.somata.find((s) => s.skeletonId === r.skeletonId)?.radius ?? 0,
  }));
  return buildSvgFigure({
    projector: projectorFor(c, width, height),
    neurons,
    colour: {
      mode: c.options.colourMode,
      userRgb,
      maxStrahler: m.maxStrahler,
      zRange: [m.bounds.min[2], m.bounds.max[2]],
      timeRange: c.engine.creationTimes.range,
    },
    volumes: c.volumes,
    showPre: c.options.showPre,
    showPost: c.options.showPost,
    markers: c.markers,
    markerRadius: c.options.markerSize / 2,
    background: f.background,
    scaleBarAt: f.scaleBar ? targetOf(c) : null,
    legend: f.legend ? c.legend : null,
    title: `CATMAID Dashboard figure: ${neurons.length} neurons from ${c.source}`,
  });
}

function safeName(s: string): string {
  return s.replace(/[^\w.-]+/g, '_').slice(0, 80);
}

export function exportSwc(c: ExportContext): { blob: Blob; filename: string } {
  const files = loaded(c).map(({ r }) => ({
    name: `${r.skeletonId}_${safeName(nameOf(c, r.skeletonId))}.swc`,
    text: writeSwc(r.detail, {
      skeletonId: r.skeletonId,
      name: nameOf(c, r.skeletonId),
      source: c.source,
    }),
  }));
  const only = files[0];
  if (files.length === 1 && only) {
    return { blob: new Blob([only.text], { type: 'text/plain' }), filename: only.name };
  }
  const enc = new TextEncoder();
  const zip = zipStored(files.map((f) => ({ name: f.name, data: enc.encode(f.text) })));
  return { blob: new Blob([zip], { type: 'application/zip' }), filename: 'skeletons-swc.zip' };
}

function csvSkeletons(c: ExportContext): CsvSkeleton[] {
  return loaded(c).map(({ r }) => ({
    skeletonId: r.skeletonId,
    name: nameOf(c, r.skeletonId),
    detail: r.detail,
    strahler: r.strahler,
  }));
}

export function exportNodesCsv(c: ExportContext): string {
  return nodeTableCsv(csvSkeletons(c), (id) => c.users.get(id)?.login ?? '');
}

export function exportConnectorsCsv(c: ExportContext): string {
  return connectorTableCsv(csvSkeletons(c));
}
