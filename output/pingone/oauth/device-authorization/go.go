package main

import (
	"fmt"
	"strings"
	"net/http"
	"io"
)

func main() {

	url := "{{authPath}}/{{envID}}/as/device_authorization"
	method := "POST"

	payload := strings.NewReader("client_id=%7B%7BappID%7D%7D&scope=openid%20offline_access")

	client := &http.Client {
	}
	req, err := http.NewRequest(method, url, payload)

	if err != nil {
		fmt.Println(err)
		return
	}
	req.Header.Add("Content-Type", "application/x-www-form-urlencoded")

	res, err := client.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()

	body, err := io.ReadAll(res.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
}
