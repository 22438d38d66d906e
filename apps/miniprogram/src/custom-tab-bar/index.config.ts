// WeChat loads custom-tab-bar as a component; Taro writes `{}` without this.
export default {
  component: true,
}
