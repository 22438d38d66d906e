import TabBar from '../components/TabBar'

/** WeChat renders this for every tab page because app.config.ts sets tabBar.custom. */
export default function CustomTabBar() {
  return <TabBar />
}
