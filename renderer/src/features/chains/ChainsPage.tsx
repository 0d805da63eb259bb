import { useEffect } from 'react';
import { useAppStore } from '../../stores/app';
import { ChainList } from './ChainList';
import { layoutEngine } from './layoutEngine';
import { ChainEditor } from './editor/ChainEditor';
import { MeetingMode } from './meeting/MeetingMode';

/** 产业链图谱: `#/chains` the list, `#/chains/12` the editor, `#/chains/12/meeting` meeting mode. */
export default function ChainsPage() {
  const path = useAppStore((s) => s.route.path);
  // elkjs's worker starts with the section, in parallel with loading the list or the chain
  useEffect(() => void layoutEngine(), []);
  const id = Number(path[0]);
  if (!path[0] || !Number.isInteger(id)) return <ChainList />;
  if (path[1] === 'meeting') return <MeetingMode chainId={id} />;
  return <ChainEditor key={id} chainId={id} />;
}
